using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rapport.Bench.Hosting;

/// <summary>A published web app run as its own process on loopback, the way a self-hoster runs it
/// (<c>dotnet App.dll</c>), so start-up time and resident memory are the real ones.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _sinceStart;
    private readonly Queue<string> _lastLines = new();

    private AppProcess(Process process, Stopwatch sinceStart, Uri address)
    {
        _process = process;
        _sinceStart = sinceStart;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>Called with every line the app writes (stdout and stderr), from the reading threads.</summary>
    public Action<string>? OnLine { get; set; }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL, as a power cut or the OOM killer would: no shutdown code runs.</summary>
    public async Task KillHardAsync()
    {
        if (_process.HasExited) return;
        try { _process.Kill(entireProcessTree: false); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
    }

    /// <summary>The app started last, whose output explains a failure.</summary>
    public static AppProcess? LastStarted { get; private set; }

    public static AppProcess Start(string dll, IReadOnlyDictionary<string, string> settings, Action<string>? onLine = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // "Urls" rather than ASPNETCORE_URLS: the app's appsettings.json names its own, which only this overrides.
        info.Environment["Urls"] = address.ToString();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // As the README tells a self-hoster to run it: glibc's malloc with two arenas (decision record 015).
        info.Environment["MALLOC_ARENA_MAX"] = "2";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}");
        var app = new AppProcess(process, clock, address);
        LastStarted = app;
        app.OnLine = onLine;
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; the time is counted from process start.</summary>
    public async Task<TimeSpan> WaitForOkAsync(HttpClient client, string path, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(120);
        while (_sinceStart.Elapsed < limit)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited ({_process.ExitCode}):\n{Log}");
            try
            {
                using var response = await client.GetAsync(new Uri(Address, path));
                if (response.StatusCode == HttpStatusCode.OK) return _sinceStart.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"{path} did not answer 200 within {limit}:\n{Log}");
    }

    /// <summary>The processor time (user and system) the app process has used so far, as the OS counts it.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident memory now, less the pages of the SQLite database file mapped in (decision record 004). Those
    /// are the OS's file cache: clean, shared, and held by the machine whether SQLite maps the file or reads it, so
    /// counting them would make the account's size look like the app's memory (and, as more pages are read, a leak).</summary>
    public long ResidentBytes => Memory.Own;

    /// <summary>Resident memory as the OS counts it, the database's mapped pages included.</summary>
    public long ResidentWithMappedDatabaseBytes => Memory.Resident;

    /// <summary>Both figures from one read of <c>/proc/&lt;pid&gt;/smaps</c> (some 20 ms of kernel time), so that they
    /// are of the same instant: the mapped pages read a second apart grew by hundreds of MB while a page run first
    /// read the file, and the difference counted them as the app's. Not through <see cref="Process"/>, whose one cache
    /// of figures two watchers refreshing at once made throw "Process has exited".</summary>
    public (long Resident, long Own) Memory
    {
        get
        {
            try
            {
                long all = 0, database = 0;
                var inDatabase = false;
                foreach (var line in File.ReadLines($"/proc/{_process.Id}/smaps"))
                {
                    // A mapping's first line is its address range, ..., and its path; its sizes follow, Rss among them.
                    if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-')) inDatabase = line.EndsWith(".db", StringComparison.Ordinal);
                    else if (line.StartsWith("Rss:", StringComparison.Ordinal))
                    {
                        var kb = long.Parse(line.AsSpan(4).Trim()[..^2].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                        all += kb;
                        if (inDatabase) database += kb;
                    }
                }
                return (all * 1024, (all - database) * 1024);
            }
            catch (IOException)
            {
                return (0, 0); // the process has exited
            }
        }
    }

    public string Log
    {
        get
        {
            lock (_lastLines) return string.Join('\n', _lastLines);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        OnLine?.Invoke(line);
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 200) _lastLines.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Samples a process's resident memory in the background and keeps the highest value seen.</summary>
public sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;
    private long _peakWithMapped;

    public MemoryWatch(AppProcess app)
    {
        (_peakWithMapped, _peak) = app.Memory;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var (withMapped, now) = app.Memory;
                if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                if (withMapped > Interlocked.Read(ref _peakWithMapped)) Interlocked.Exchange(ref _peakWithMapped, withMapped);
                // A quarter of a second: each read costs some 20 ms of kernel time, which the pages measured beside it share.
                try { await Task.Delay(250, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    /// <summary>The highest resident memory as the OS counts it, the database's mapped pages included.</summary>
    public long PeakWithMappedDatabaseBytes => Interlocked.Read(ref _peakWithMapped);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
