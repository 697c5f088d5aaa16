namespace Jixiao.Benchmarks;

/// <summary>A report of about twenty pages made from the two seed reports.</summary>
public static class ReportTexts
{
    /// <summary>
    /// A page of an official document (GB/T 9704) holds 22 lines of 28 characters; with headings and short lines a
    /// report page holds fewer, so 1,000 characters a page is on the heavy side.
    /// </summary>
    public const int CharactersPerPage = 1_000;

    public const int Pages = 20;

    /// <summary>
    /// The two seed reports one after the other, repeated with the years shifted (2023, 2022, …) so that the copies
    /// are not identical, until the text reaches twenty pages. Their figures and their slips are kept.
    /// </summary>
    public static string TwentyPages()
    {
        var seeds = new[] { SeedTexts.Read("2023-SFJ-01.txt"), SeedTexts.Read("2023-SFJ-02.txt") };
        var builder = new System.Text.StringBuilder();
        for (var copy = 0; builder.Length < CharactersPerPage * Pages; copy++)
        {
            var seed = seeds[copy % seeds.Length];
            var shift = copy / seeds.Length;
            builder.Append(shift == 0 ? seed : seed.Replace("2023年", $"{2023 - shift}年", StringComparison.Ordinal).Replace("2024年", $"{2024 - shift}年", StringComparison.Ordinal));
            builder.Append('\n');
        }

        return builder.ToString();
    }
}
