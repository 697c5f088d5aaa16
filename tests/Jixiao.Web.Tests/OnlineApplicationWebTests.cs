using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Domain.Identity;
using Jixiao.Features.Tests.Infrastructure;
using Jixiao.Infrastructure.Challenges;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// A server with small public-page limits, behind a "proxy" at 127.0.0.1 whose X-Forwarded-For it
/// believes: each test posts from its own client address, so the limits of one do not touch another.
/// </summary>
public sealed class OnlineWebApps() : PerProvider<RunningWeb>(p => RunningWeb.StartAsync(p, Settings))
{
    public const int SubmissionsPerHour = 3;
    public const int StatusQueriesPerMinute = 3;

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Jixiao:OnlineApplication:SubmissionsPerHour"] = SubmissionsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Jixiao:OnlineApplication:StatusQueriesPerMinute"] = StatusQueriesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Jixiao:OnlineApplication:ChallengeBits"] = "10",
        ["Jixiao:Security:TrustedProxies:0"] = "127.0.0.1",
    };
}

/// <summary>The public form as a browser posts it: fields, antiforgery token, challenge and its answer, files.</summary>
internal static partial class OnlineForm
{
    public sealed record Page(string Token, string Challenge, string Seed, int Bits);

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    public static string IdNumber(string first17) => first17 + ResidentIdNumber.ComputeCheckCharacter(first17);

    public static HttpClient ClientFrom(RunningWeb web, string address)
    {
        var client = web.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public static async Task<Page> OpenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("apply");
        return new Page(Attribute(html, "name=\"__RequestVerificationToken\" value"), Attribute(html, "name=\"challenge\" value"),
            Attribute(html, "data-seed"), int.Parse(Attribute(html, "data-bits"), System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string Solve(Page page)
    {
        for (var n = 0; ; n++)
        {
            var nonce = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ProofOfWorkChallenges.Solves(page.Seed, nonce, page.Bits))
            {
                return nonce;
            }
        }
    }

    public static MultipartFormDataContent Application(Page page, string idNumber, string? nonce, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        void Add(string name, string value) => form.Add(new StringContent(value), name);
        Add("_handler", "apply");
        Add("__RequestVerificationToken", page.Token);
        Add("Input.Body", "440700");
        Add("Input.Kind", "Citizen");
        Add("Input.Name", "黄美玲");
        Add("Input.IdNumber", idNumber);
        Add("Input.Phone", "13702881234");
        Add("Input.Address", "江门市江海区东海路18号");
        Add("Input.Respondent", "江门市市场监督管理局");
        Add("Input.Matter", "AdministrativePenalty");
        Add("Input.ContestedAct", "江市监罚〔2026〕45号行政处罚决定书");
        Add("Input.Requests", "撤销该行政处罚决定。");
        Add("Input.Facts", "被申请人认定的违法事实与现场情况不符。");
        Add("challenge", page.Challenge);
        Add("nonce", nonce ?? string.Empty);
        Add("homepage", string.Empty);
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "attachments", name);
        }

        return form;
    }

    public static FormUrlEncodedContent Status(string token, string caseNumber, string code, string idNumber) => new(new Dictionary<string, string>
    {
        ["_handler"] = "status",
        ["__RequestVerificationToken"] = token,
        ["Query.CaseNumber"] = caseNumber,
        ["Query.Code"] = code,
        ["Query.IdNumber"] = idNumber,
    });

    public static string? Element(string html, string id) =>
        Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>([^<]*)<") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    private static string Attribute(string html, string prefix) =>
        Regex.Match(html, Regex.Escape(prefix) + "=\"([^\"]*)\"") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"no {prefix} on the page");
}

public sealed class OnlineApplicationWebTests(OnlineWebApps apps) : IClassFixture<OnlineWebApps>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Fact]
    public async Task ApplyPage_IsPublic_OffersTheBodies_AndRunsNoInlineScript()
    {
        var web = await apps.Get();
        using var client = OnlineForm.ClientFrom(web, "192.0.2.1");
        var response = await client.GetAsync("apply");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
        var html = await response.Content.ReadAsStringAsync();
        Regex.Matches(html, "<option value=\"(44\\d{4})\">").Select(m => m.Groups[1].Value).ShouldBe(["440700", "440703", "440704", "440705", "440781", "440783", "440784", "440785"]);
        Regex.Matches(html, "<script[^>]*>").ShouldAllBe(m => m.Value.Contains("src=", StringComparison.Ordinal));
        html.ShouldContain("js/apply");
        (await client.GetAsync("apply/status")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("js/apply.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Apply_OverHttp_GivesNumberAndCode_ReplayIsRefused_StatusAndStaffFileWork(string provider)
    {
        var web = await apps.Get(provider);
        using var client = OnlineForm.ClientFrom(web, "192.0.2.10");
        var idNumber = OnlineForm.IdNumber("44070419880216302");
        var page = await OnlineForm.OpenAsync(client);
        var nonce = OnlineForm.Solve(page);
        var response = await client.PostAsync("apply", OnlineForm.Application(page, idNumber, nonce, ("决定书.pdf", OnlineForm.Pdf)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await response.Content.ReadAsStringAsync();
        var caseNumber = OnlineForm.Element(html, "receipt-number").ShouldNotBeNull();
        var code = OnlineForm.Element(html, "receipt-code").ShouldNotBeNull();
        caseNumber.ShouldStartWith("江府复〔");
        code.ShouldMatch("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$");

        // The browser's back-and-resend posts the same solved challenge again: refused, nothing new.
        var again = await client.PostAsync("apply", OnlineForm.Application(page, idNumber, nonce, ("决定书.pdf", OnlineForm.Pdf)));
        var againHtml = await again.Content.ReadAsStringAsync();
        OnlineForm.Element(againHtml, "apply-refusal").ShouldNotBeNull().ShouldContain("已使用过");
        againHtml.ShouldNotContain("receipt-number");

        int caseId;
        int fileId;
        await using (var db = web.Services.GetRequiredService<DatabaseSettings>().Create(CurrentUser.System("断言")))
        {
            var c = await db.ReconsiderationCases.SingleAsync(x => x.CaseNumber == caseNumber);
            c.Channel.ShouldBe(Jixiao.Domain.Reconsideration.ApplicationChannel.Online);
            caseId = c.Id;
            fileId = await db.OnlineApplications.Where(a => a.CaseId == caseId).SelectMany(a => a.Attachments).Select(f => f.Id).SingleAsync();
            var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == "ReconsiderationCase" && e.EntityId == caseId.ToString());
            audit.IpAddress.ShouldBe("192.0.2.10");
            audit.UserName.ShouldBe("public");
        }

        var statusToken = await RunningWeb.AntiforgeryTokenAsync(client, "apply/status");
        var status = await (await client.PostAsync("apply/status", OnlineForm.Status(statusToken, caseNumber, code, idNumber))).Content.ReadAsStringAsync();
        status.ShouldContain("id=\"status-stages\"");
        status.ShouldContain("审查中");
        status.ShouldNotContain("黄美玲");
        status.ShouldNotContain("市场监督管理局");
        var wrong = await (await client.PostAsync("apply/status", OnlineForm.Status(statusToken, caseNumber, code, OnlineForm.IdNumber("44070419880216303")))).Content.ReadAsStringAsync();
        wrong.ShouldContain("id=\"status-none\"");
        wrong.ShouldNotContain("status-stages");

        using (var anonymous = web.Client())
        {
            var denied = await anonymous.GetAsync($"files/reconsideration/{fileId}");
            denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            denied.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
        }

        using (var handler = await web.SignedInClientAsync("jx.case"))
        {
            var file = await handler.GetAsync($"files/reconsideration/{fileId}");
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            (await file.Content.ReadAsByteArrayAsync()).ShouldBe(OnlineForm.Pdf);
        }

        using var county = await web.SignedInClientAsync("jh.case");
        (await county.GetAsync($"files/reconsideration/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var finance = await web.SignedInClientAsync("cz.review");
        (await finance.GetAsync($"files/reconsideration/{fileId}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Apply_WithoutOrWithAForeignAntiforgeryToken_IsRefusedWithAChinesePage()
    {
        var web = await apps.Get();
        using var client = OnlineForm.ClientFrom(web, "192.0.2.20");
        var page = await OnlineForm.OpenAsync(client);
        var nonce = OnlineForm.Solve(page);

        using var stranger = OnlineForm.ClientFrom(web, "192.0.2.21");
        var response = await stranger.PostAsync("apply", OnlineForm.Application(page, OnlineForm.IdNumber("44070419880216311"), nonce));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("请刷新页面后重新填写提交");

        var noToken = OnlineForm.Application(page with { Token = string.Empty }, OnlineForm.IdNumber("44070419880216311"), nonce);
        (await client.PostAsync("apply", noToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var status = await client.PostAsync("apply/status", OnlineForm.Status("forged", "江府复〔2026〕1号", "2345-6789-ABCD", "440704198802163111"));
        status.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await status.Content.ReadAsStringAsync()).ShouldContain("页面已过期");

        await using var db = web.Services.GetRequiredService<DatabaseSettings>().Create(CurrentUser.System("断言"));
        (await db.AuditEntries.CountAsync(e => e.IpAddress == "192.0.2.20" || e.IpAddress == "192.0.2.21")).ShouldBe(0);
    }

    [Fact]
    public async Task Apply_RequestLargerThanTheServerTakes_GetsAChinesePage()
    {
        // A browser is still sending when the server answers, so this speaks HTTP on a socket: it announces a body
        // larger than the limit, sends its start, and reads the answer.
        var web = await apps.Get();
        var cookies = new CookieContainer();
        using (var client = web.Client(cookies))
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.50");
            await OnlineForm.OpenAsync(client);
        }

        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(web.BaseAddress.Host, web.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = $"POST /apply HTTP/1.1\r\nHost: {web.BaseAddress.Authority}\r\nX-Forwarded-For: 192.0.2.50\r\n"
            + $"Cookie: {cookies.GetCookieHeader(web.BaseAddress)}\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            + $"Content-Length: {WebApp.MaxRequestBodyBytes + 1024}\r\nConnection: close\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"_handler\"\r\n\r\napply\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        response.ShouldStartWith("HTTP/1.1 413");
        response.ShouldContain("text/html");
        response.ShouldContain("上传内容过大");
    }

    [Fact]
    public async Task Apply_PostsBeyondTheHourlyLimit_Get429WithAChinesePage_ButOthersAndTheFormAreUnaffected()
    {
        var web = await apps.Get();
        using var client = OnlineForm.ClientFrom(web, "192.0.2.30");
        var page = await OnlineForm.OpenAsync(client);
        for (var i = 0; i < OnlineWebApps.SubmissionsPerHour; i++)
        {
            var refused = await client.PostAsync("apply", OnlineForm.Application(page, OnlineForm.IdNumber("44070419880216320"), nonce: null));
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            OnlineForm.Element(await refused.Content.ReadAsStringAsync(), "apply-refusal").ShouldNotBeNull().ShouldContain("缺少安全校验结果");
        }

        var limited = await client.PostAsync("apply", OnlineForm.Application(page, OnlineForm.IdNumber("44070419880216320"), OnlineForm.Solve(page)));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        var text = await limited.Content.ReadAsStringAsync();
        text.ShouldContain("提交过于频繁");
        text.ShouldContain($"每小时最多提交 {OnlineWebApps.SubmissionsPerHour} 次");

        (await client.GetAsync("apply")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var neighbour = OnlineForm.ClientFrom(web, "192.0.2.31");
        var other = await OnlineForm.OpenAsync(neighbour);
        (await neighbour.PostAsync("apply", OnlineForm.Application(other, OnlineForm.IdNumber("44070419880216321"), null))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Status_QueriesBeyondTheMinuteLimit_Get429WithAChinesePage()
    {
        var web = await apps.Get();
        using var client = OnlineForm.ClientFrom(web, "192.0.2.40");
        var token = await RunningWeb.AntiforgeryTokenAsync(client, "apply/status");
        for (var i = 0; i < OnlineWebApps.StatusQueriesPerMinute; i++)
        {
            var miss = await client.PostAsync("apply/status", OnlineForm.Status(token, $"江府复〔2026〕{900 + i}号", "2345-6789-ABCD", "440704198802163111"));
            miss.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await miss.Content.ReadAsStringAsync()).ShouldContain("未查到与所填信息相符的网上申请");
        }

        var limited = await client.PostAsync("apply/status", OnlineForm.Status(token, "江府复〔2026〕999号", "2345-6789-ABCD", "440704198802163111"));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("查询过于频繁");
        (await client.GetAsync("apply/status")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
