using System.Globalization;
using Jixiao.Domain.Identity;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Reconsideration;
using MiniExcelLibs;

namespace Jixiao.Benchmarks;

/// <summary>
/// `make-import-file OUT.xlsx [--rows N] [--year YYYY] [--seed S]`: a valid reconsideration import workbook (the
/// ledger's template sheet and columns) of N rows, by default 100,000 received in 2025 (a year the demo does not
/// seed), spread over 440700 and its seven counties, with valid ID numbers and credit codes. Every row is
/// accepted by `jixiao import reconsideration`, which numbers the cases 1 … n in each unit's series of the year.
/// </summary>
public static class ImportFile
{
    private static readonly string[] Units = ["440700", "440703", "440704", "440705", "440781", "440783", "440784", "440785"];
    private static readonly string[] Surnames = ["陈", "李", "黄", "张", "梁", "刘", "林", "吴", "区", "谭", "冯", "赵"];
    private static readonly string[] Given = ["志明", "小红", "国强", "伟文", "嘉欣", "文杰", "丽华", "建国", "秀英", "海燕", "俊杰", "晓东"];
    private static readonly string[] Respondents =
        ["江门市市场监督管理局", "江门市公安局", "江门市自然资源局", "江门市人力资源和社会保障局", "江门市住房和城乡建设局", "蓬江区人民政府", "新会区人民政府", "台山市人民政府"];

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("用法：make-import-file OUT.xlsx [--rows 100000] [--year 2025] [--seed 8]");
            return 2;
        }

        var path = Path.GetFullPath(args[0]);
        var rows = Option(args, "--rows", 100_000);
        var year = Option(args, "--year", 2025);
        var seed = Option(args, "--seed", 8);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        MiniExcel.SaveAs(path, Rows(rows, year, seed), sheetName: ImportCases.SheetName);
        Console.WriteLine($"已生成 {path}：{rows:N0} 行（{new FileInfo(path).Length:N0} 字节）。");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The rows, keyed by the template's headers, in its column order.</summary>
    public static IEnumerable<Dictionary<string, object?>> Rows(int count, int year, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(year, 1, 2);
        var days = new DateOnly(year, 12, 31).DayNumber - first.DayNumber;
        var headers = ImportCases.Spec.Columns.Select(c => c.Header).ToArray();
        var matters = Enum.GetValues<MatterCategory>();
        var channels = Enum.GetValues<ApplicationChannel>();
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(100) < 85 ? ApplicantKind.Citizen : ApplicantKind.Enterprise;
            var unit = Units[random.Next(Units.Length)];
            var received = DateOnly.FromDayNumber(first.DayNumber + random.Next(days + 1));
            var matter = matters[random.Next(matters.Length)];
            var name = kind == ApplicantKind.Citizen
                ? Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)]
                : $"江门市{Given[random.Next(Given.Length)]}贸易有限公司";
            var values = new object?[]
            {
                unit,
                received.ToDateTime(TimeOnly.MinValue),
                CaseTermNames.Name(matter),
                CaseTermNames.Name(channels[random.Next(channels.Length)]),
                CaseTermNames.Name(kind),
                name,
                kind == ApplicantKind.Citizen ? IdNumber(random, unit) : CreditCode(random, unit),
                random.Next(100) < 80 ? $"138{random.Next(10_000_000, 100_000_000)}" : null,
                random.Next(100) < 60 ? $"江门市蓬江区建设路{random.Next(1, 300)}号" : null,
                random.Next(100) < 20 ? "李明（律师）" : null,
                kind == ApplicantKind.Enterprise ? "是" : "否",
                Respondents[random.Next(Respondents.Length)],
                $"江市监罚〔{year}〕{i + 1}号{CaseTermNames.Name(matter)}决定",
                "请求撤销该行政行为",
            };
            var row = new Dictionary<string, object?>(headers.Length, StringComparer.Ordinal);
            for (var c = 0; c < headers.Length; c++)
            {
                row[headers[c]] = values[c];
            }

            yield return row;
        }
    }

    private static string IdNumber(Random random, string unit)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000));
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{unit[..4]}{random.Next(1, 85):00}{birth:yyyyMMdd}{random.Next(1000):000}");
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }

    private static string CreditCode(Random random, string unit)
    {
        var body = string.Concat(Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Charset[random.Next(10)]));
        var first17 = "91" + unit + body;
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }
}
