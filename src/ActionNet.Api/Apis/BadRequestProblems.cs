using System.Text.Json;
using System.Text.RegularExpressions;
using ActionNet.Abstractions.Cameras;
using Microsoft.AspNetCore.Diagnostics;

namespace ActionNet.Api.Apis;

/// <summary>
/// Requests the API cannot even bind (malformed or wrongly typed JSON, a query parameter of the wrong type, a missing body,
/// a body that is not JSON) answered as problems whose <c>detail</c> says what was wrong in the caller's words
/// ("stride 'x' is invalid: expected a whole number"), never a .NET type name. Binding failures are thrown
/// (<c>RouteHandlerOptions.ThrowOnBadRequest</c>) so that they reach this handler instead of an empty 400.
/// </summary>
public sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported Media Type" : "Bad Request",
                Detail = Explain(bad),
            },
        });
    }

    /// <summary>The one-line detail for a request that could not be bound.</summary>
    public static string Explain(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            var converted = ConvertedTo().Match(json.Message);
            return (field, converted.Success) switch
            {
                ({ } name, true) => $"{name} is invalid: expected {Expected(converted.Groups["type"].Value)}",
                _ => $"the request body is not valid JSON: {FirstSentence(json.Message)}" + (json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : ""),
            };
        }

        var message = exception.Message;
        if (BindFailed().Match(message) is { Success: true } failed)
        {
            return $"{Parameter(failed.Groups["name"].Value)} '{CameraInputRules.Quote(failed.Groups["value"].Value)}' is invalid: expected {Expected(failed.Groups["type"].Value)}";
        }

        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return "the request body is missing: expected a JSON object";
        }

        if (Required().Match(message) is { Success: true } required)
        {
            return required.Groups["source"].Value == "body"
                ? "the request body is missing: expected a JSON object"
                : $"{Parameter(required.Groups["name"].Value)} is missing";
        }

        return exception.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? "the request body must be JSON: send Content-Type: application/json"
            : FirstSentence(message);
    }

    // A property of an [AsParameters] class is named as C# spells it; its query parameter is the camelCase form.
    private static string Parameter(string name) => name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        var t when t.Contains("Int", StringComparison.OrdinalIgnoreCase) || t is "int" or "long" or "short" => "a whole number",
        var t when t.Contains("Double", StringComparison.OrdinalIgnoreCase) || t.Contains("Single", StringComparison.OrdinalIgnoreCase) || t is "double" or "float" or "decimal" => "a number",
        var t when t.Contains("Bool", StringComparison.OrdinalIgnoreCase) => "true or false",
        var t when t.Contains("String[]", StringComparison.Ordinal) || t.EndsWith("[]", StringComparison.Ordinal) => "a list",
        var t when t.Contains("String", StringComparison.OrdinalIgnoreCase) => "text",
        _ => "a JSON object",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message.TrimEnd('.')).ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>[^.\s]+(?:\.[^.\s]+)*?)\. Path")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ \"]+)\" was not provided from (?<source>[^.]+)\\.$")]
    private static partial Regex Required();
}
