using System.Text.Json;
using ActionNet.Vision.Detection;
using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// The ground truth of a whole multi-person scene: its spec (actions as cast), its people, and every frame's
/// boxes. Written beside the scene's video as JSON:
/// <c>{"seed","frames","width","height","fps","actions":[..],"people":[{"id","action","shirt":[b,g,r],"trousers":[b,g,r]}],
/// "boxes":[[{"id","action","box":[x1,y1,x2,y2],"visibility"}, ..] per frame]}</c>, boxes in source pixels.
/// </summary>
/// <param name="Spec">The scene, with its actions as cast.</param>
/// <param name="People">The scene's people, by id.</param>
/// <param name="Frames">Each frame's boxes (frame i at index i), by person id.</param>
public sealed record SceneGroundTruth(MultiPersonSceneSpec Spec, IReadOnlyList<ScenePerson> People, IReadOnlyList<IReadOnlyList<GroundTruthBox>> Frames)
{
    /// <summary>Writes the ground truth as JSON to <paramref name="path"/>.</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteNumber("seed", Spec.Seed);
        json.WriteNumber("frames", Spec.Frames);
        json.WriteNumber("width", Spec.Width);
        json.WriteNumber("height", Spec.Height);
        json.WriteNumber("fps", Spec.Fps);
        json.WriteStartArray("actions");
        foreach (var action in Spec.Actions ?? [])
        {
            json.WriteStringValue(action);
        }

        json.WriteEndArray();
        json.WriteStartArray("people");
        foreach (var person in People)
        {
            json.WriteStartObject();
            json.WriteNumber("id", person.Id);
            json.WriteString("action", person.Action);
            WriteColour(json, "shirt", person.Shirt);
            WriteColour(json, "trousers", person.Trousers);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("boxes");
        foreach (var frame in Frames)
        {
            json.WriteStartArray();
            foreach (var box in frame)
            {
                json.WriteStartObject();
                json.WriteNumber("id", box.PersonId);
                json.WriteString("action", box.Action);
                json.WriteStartArray("box");
                foreach (var value in box.Box.ToArray())
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
                json.WriteNumber("visibility", box.Visibility);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads ground truth that <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The file is not such ground truth.</exception>
    public static SceneGroundTruth Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var spec = new MultiPersonSceneSpec(
                root.GetProperty("seed").GetInt32(),
                root.GetProperty("frames").GetInt32(),
                root.GetProperty("width").GetInt32(),
                root.GetProperty("height").GetInt32(),
                root.GetProperty("fps").GetDouble(),
                [.. root.GetProperty("actions").EnumerateArray().Select(a => a.GetString() ?? "")]);
            var people = root.GetProperty("people").EnumerateArray()
                .Select(p => new ScenePerson(p.GetProperty("id").GetInt32(), p.GetProperty("action").GetString() ?? "", ReadColour(p.GetProperty("shirt")), ReadColour(p.GetProperty("trousers"))))
                .ToList();
            var frames = root.GetProperty("boxes").EnumerateArray()
                .Select(frame => (IReadOnlyList<GroundTruthBox>)[.. frame.EnumerateArray().Select(ReadBox)])
                .ToList();
            return new SceneGroundTruth(spec, people, frames);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"'{path}' is not scene ground truth: {e.Message}", e);
        }
    }

    private static GroundTruthBox ReadBox(JsonElement box) => new(
        box.GetProperty("id").GetInt32(),
        box.GetProperty("action").GetString() ?? "",
        PixelBox.FromArray([.. box.GetProperty("box").EnumerateArray().Select(v => v.GetSingle())]),
        box.GetProperty("visibility").GetSingle());

    private static void WriteColour(Utf8JsonWriter json, string name, Scalar colour)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(colour.Val0);
        json.WriteNumberValue(colour.Val1);
        json.WriteNumberValue(colour.Val2);
        json.WriteEndArray();
    }

    private static Scalar ReadColour(JsonElement colour)
    {
        var values = colour.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return values.Length == 3 ? new Scalar(values[0], values[1], values[2]) : throw new FormatException($"a colour is [b, g, r]; got {values.Length} values");
    }
}
