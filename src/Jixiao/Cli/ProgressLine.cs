using System.Diagnostics;
using System.Globalization;

namespace Jixiao.Cli;

/// <summary>
/// Progress of a long run on the console: rows done of the expected total, rows a second and the time left. On a
/// terminal one line that rewrites itself; when the output is redirected, a plain line every few seconds.
/// </summary>
internal sealed class ProgressLine(string what) : IProgress<(long Done, long Total, TimeSpan Elapsed)>
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(200);
    private readonly bool terminal = !Console.IsOutputRedirected;
    private readonly Stopwatch sinceLast = Stopwatch.StartNew();
    private bool written;

    public void Report((long Done, long Total, TimeSpan Elapsed) value)
    {
        if (sinceLast.Elapsed < (terminal ? TerminalInterval : PlainInterval))
        {
            return;
        }

        sinceLast.Restart();
        var line = Format(value.Done, value.Total, value.Elapsed);
        if (terminal)
        {
            Console.Write("\r" + line.PadRight(Math.Max(0, Math.Min(Console.BufferWidth - 1, 110))));
            written = true;
        }
        else
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Ends the rewriting line so that what follows starts on a line of its own.</summary>
    public void Done()
    {
        if (written)
        {
            Console.WriteLine();
        }
    }

    private string Format(long done, long total, TimeSpan elapsed)
    {
        var fraction = total > 0 ? Math.Min(1d, (double)done / total) : 0d;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - done) / rate) : TimeSpan.Zero;
        const int Width = 24;
        var filled = (int)Math.Round(fraction * Width);
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} [{new string('#', filled)}{new string('-', Width - filled)}] {done:N0}/≈{total:N0} 行 {fraction:P0}  {rate:N0} 行/秒  剩余约 {left:hh\\:mm\\:ss}");
    }
}
