using BenchmarkDotNet.Running;

namespace Jixiao.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "make-import-file")
        {
            return ImportFile.Run(args[1..]);
        }

        if (args.Length > 1 && args[0] == "read-import-file")
        {
            // The reading half of the import alone, to tell reading from writing when an import is slow.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var stream = File.OpenRead(args[1]);
            var result = Jixiao.Features.Reconsideration.ImportCases.Spec.Read(stream, stream.Length);
            Console.WriteLine($"{result.Rows.Count:N0} rows, {result.Problems.Count} problems, {watch.Elapsed.TotalSeconds:0.0} s, "
                + $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
            return result.Succeeded ? 0 : 1;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
