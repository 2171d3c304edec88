using System.Diagnostics;

namespace ActionNet.Vision.Sources;

/// <summary>Hands a started ffmpeg or ffprobe its input list on stdin, so a URL with credentials never sits in argv or a file.</summary>
internal static class FfmpegInput
{
    /// <summary>
    /// Writes <paramref name="script"/> (null: nothing) to the process's stdin and closes it, so the child
    /// sees the end of the list. The list is a few hundred bytes, far below a pipe's buffer, so the write
    /// never waits for the child; a child that already died only loses its input.
    /// </summary>
    public static void Write(Process process, string? script)
    {
        try
        {
            if (script is not null)
            {
                process.StandardInput.Write(script);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited before reading (a bad option, a missing library): its exit code and stderr say why.
        }
    }
}
