using System.Globalization;

namespace ActionNet.Testing;

/// <summary>
/// Reads /proc: whether a process still exists (a zombie counts), which ffmpeg/ffprobe children this test
/// process has, and what any local user could read of every process (command line and environment).
/// </summary>
public static class ProcessTable
{
    public static bool Exists(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>Ids of live or zombie ffmpeg and ffprobe processes whose parent is this test process.</summary>
    public static IReadOnlyList<int> DecoderChildren()
    {
        var children = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // "pid (comm) state ppid ...": comm may hold spaces, so split after the last ')'.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var comm = stat[(open + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            if (comm is "ffmpeg" or "ffprobe" && int.Parse(fields[1], CultureInfo.InvariantCulture) == Environment.ProcessId)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    /// <summary>Every process's id, parent id, name, command line and environment (NULs as spaces), as far as it could be read.</summary>
    public static IReadOnlyList<ProcessText> Snapshot()
    {
        var processes = new List<ProcessText>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var parent = int.Parse(stat[(close + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                var environment = File.ReadAllText(Path.Combine(folder, "environ")).Replace('\0', ' ');
                processes.Add(new ProcessText(pid, parent, stat[(open + 1)..close], commandLine, environment));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read.
            }
        }

        return processes;
    }

    /// <summary>The processes in <paramref name="snapshot"/> that descend from <paramref name="ancestor"/> (children, their children...).</summary>
    public static IReadOnlyList<ProcessText> Descendants(IReadOnlyList<ProcessText> snapshot, int ancestor)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parents = snapshot.ToDictionary(p => p.Id, p => p.ParentId);
        return [.. snapshot.Where(p => Descends(p.Id))];

        // Up the parent chain; a bounded walk, since a process may end and its id be reused mid-snapshot.
        bool Descends(int id)
        {
            var steps = 0;
            for (var parent = parents.GetValueOrDefault(id); parent > 0 && steps++ < 64; parent = parents.GetValueOrDefault(parent))
            {
                if (parent == ancestor)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
