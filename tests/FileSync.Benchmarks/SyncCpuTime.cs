using System.Globalization;

namespace FileSync.Benchmarks;

/// <summary>CPU seconds of processes from <c>/proc/{pid}/stat</c> (Linux): their own, or that of their reaped children.</summary>
public static class SyncCpuTime
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ, 100 on every Linux the project targets

    /// <summary>utime + stime of the process.</summary>
    public static double OwnSeconds(int pid) => Fields(pid, 14) + Fields(pid, 15);

    /// <summary>cutime + cstime: CPU of the children the process has waited for (an rsync daemon's sessions).</summary>
    public static double ChildrenSeconds(int pid) => Fields(pid, 16) + Fields(pid, 17);

    // Field numbers as in proc(5), 1-based; the command name (field 2) may contain spaces, so count after its ')'.
    private static double Fields(int pid, int field)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(rest[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
    }

    /// <summary>Peak resident set (VmHWM) in bytes.</summary>
    public static long PeakResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }
}
