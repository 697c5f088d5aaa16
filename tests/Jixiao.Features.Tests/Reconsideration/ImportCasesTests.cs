using Jixiao.Domain;
using Jixiao.Features.Reconsideration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Reconsideration;

public sealed class ImportCasesTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithErrors_RegistersNothing_ThenAGoodFileRegistersAll(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jh.case");
        var import = scope.ServiceProvider.GetRequiredService<ImportCases>();
        await using var before = app.Db();
        var count = await before.ReconsiderationCases.CountAsync();

        var bad = Workbook(
            Row("440704", "2025-03-01", "行政处罚", "440703198506121535"),
            Row("440704", "2025-03-02", "没有的类别", "440703198506121535"),
            Row("440704", "2025-03-03", "行政许可", "440703198506121536"),
            Row("440700", "2025-03-04", "行政许可", "440703198506121535"));
        var spreadsheet = await Should.ThrowAsync<ValidationException>(() => import.HandleAsync(new MemoryStream(bad), bad.Length));
        spreadsheet.Problems.Select(p => p.Field).ShouldBe([$"{ImportCases.SheetName}!C3", $"{ImportCases.SheetName}!G4"], ignoreOrder: true);

        // Rows that pass the sheet's checks but not the register's: another county's unit is outside the scope.
        var outside = Workbook(Row("440704", "2025-03-01", "行政处罚", "440703198506121535"), Row("440700", "2025-03-04", "行政许可", "440703198506121535"));
        var scopeError = await Should.ThrowAsync<ValidationException>(() => import.HandleAsync(new MemoryStream(outside), outside.Length));
        scopeError.Message.ShouldContain("第2条申请");
        scopeError.Message.ShouldContain("440700");

        await using (var unchanged = app.Db())
        {
            (await unchanged.ReconsiderationCases.CountAsync()).ShouldBe(count);
        }

        var good = Workbook(Row("440704", "2025-03-01", "行政处罚", "440703198506121535"), Row("440704", "2025-03-02", "政府信息公开", "440703198506121535"));
        var numbers = await import.HandleAsync(new MemoryStream(good), good.Length);
        numbers.Count.ShouldBe(2);
        numbers.Distinct().Count().ShouldBe(2);
        numbers.ShouldAllBe(n => n.StartsWith("江海府复〔2025〕", StringComparison.Ordinal));
        await using var after = app.Db();
        (await after.ReconsiderationCases.CountAsync()).ShouldBe(count + 2);
    }

    private static Dictionary<string, object> Row(string unit, string date, string matter, string id) => new()
    {
        ["复议机关代码"] = unit,
        ["收件日期"] = date,
        ["事项类别"] = matter,
        ["申请方式"] = "邮寄",
        ["申请人类型"] = "公民",
        ["申请人"] = "梁志成",
        ["证件号码"] = id,
        ["被申请人"] = "江海区城市管理和综合执法局",
        ["被复议行为"] = "江海城执罚〔2025〕7号",
        ["复议请求"] = "请求撤销处罚决定",
    };

    private static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: ImportCases.SheetName);
        return stream.ToArray();
    }
}
