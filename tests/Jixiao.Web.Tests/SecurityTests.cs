using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Jixiao.Domain.Organization;
using Jixiao.Features.Tests.Infrastructure;
using Jixiao.Features.Users;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public sealed class SecurityTests(WebApps apps) : IClassFixture<WebApps>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    public static TheoryData<string> ProtectedPages()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Jixiao.Web.WebApp).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
            {
                continue;
            }

            foreach (var route in type.GetCustomAttributes<RouteAttribute>())
            {
                data.Add(route.Template);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task Page_Anonymous_RedirectsToSignIn(string page)
    {
        var web = await apps.Get();
        using var client = web.Client();
        var response = await client.GetAsync(page.TrimStart('/'));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public void ProtectedPages_IncludeTheShell() => ProtectedPages().Select(r => r.Data).ShouldContain("/admin/users");

    [Theory]
    [InlineData("api/units")]
    [InlineData("api/me")]
    [InlineData("export/users.xlsx")]
    [InlineData("openapi/v1.json")]
    public async Task Api_Anonymous_IsUnauthorizedNotRedirected(string path)
    {
        var web = await apps.Get();
        using var client = web.Client();
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
        if (path.StartsWith("api", StringComparison.Ordinal) || path.StartsWith("export", StringComparison.Ordinal))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Healthz_Anonymous_IsHealthy()
    {
        var web = await apps.Get();
        using var client = web.Client();
        (await client.GetStringAsync("healthz")).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var web = await apps.Get();
        using var client = web.Client();
        var response = await client.GetAsync("account/login");
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
    }

    [Fact]
    public async Task SignIn_WrongPassword_FailsThenLocksAfterConfiguredTries()
    {
        var web = await apps.Get();
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(new AddUser.Command("lock.me", "林锁定", "440785", [Roles.Leader], "Right1234", MustChangePassword: false));
        }

        using var client = web.Client();
        for (var i = 1; i < WebApps.MaxFailedAccessAttempts; i++)
        {
            var wrong = await RunningWeb.PostLoginAsync(client, "lock.me", "Wrong1234");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("用户名或密码错误");
        }

        var locking = await RunningWeb.PostLoginAsync(client, "lock.me", "Wrong1234");
        (await locking.Content.ReadAsStringAsync()).ShouldContain("账号已锁定");

        var right = await RunningWeb.PostLoginAsync(client, "lock.me", "Right1234");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync()).ShouldContain("账号已锁定");
    }

    [Fact]
    public async Task SignIn_RightPassword_RedirectsHome()
    {
        var web = await apps.Get();
        using var client = web.Client();
        var response = await RunningWeb.PostLoginAsync(client, "jx.leader", Jixiao.Features.Demo.DemoData.DemoPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/");
        (await client.GetAsync("")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FormPost_WithoutOrForgedAntiforgeryToken_IsRejected()
    {
        var web = await apps.Get();
        using var client = web.Client();
        var noToken = await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "admin",
            ["Input.Password"] = Jixiao.Features.Demo.DemoData.DemoPassword,
        }));
        noToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noToken.Headers.Contains("Set-Cookie").ShouldBeFalse();

        // A token from another browser's session does not fit this one's cookie.
        using var other = web.Client();
        var foreignToken = await RunningWeb.AntiforgeryTokenAsync(other, "account/login");
        await client.GetAsync("account/login");
        var forged = await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = foreignToken + "x",
            ["Input.UserName"] = "admin",
            ["Input.Password"] = Jixiao.Features.Demo.DemoData.DemoPassword,
        }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var signedIn = await web.SignedInClientAsync("jx.leader");
        var logout = await signedIn.PostAsync("account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        logout.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Api_CountyUser_CannotReadOrChangeAnotherCounty(string provider)
    {
        var web = await apps.Get(provider);
        using var client = await web.SignedInClientAsync("pj.perf");
        (await client.GetAsync("api/units/440704")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("api/units/440703")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var units = await client.GetFromJsonAsync<List<UnitJson>>("api/units");
        units!.Select(u => u.Code).ShouldBe(["440703"]);

        var change = await client.PutAsJsonAsync("api/units/440704", new { name = "篡改" });
        change.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await client.GetAsync("export/users.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = await web.SignedInClientAsync("admin");
        (await admin.GetFromJsonAsync<UnitJson>("api/units/440704"))!.Name.ShouldBe("江海区司法局");
    }

    [Fact]
    public async Task Api_AdministratorChange_WithBadInput_IsA400WithTheProblem()
    {
        var web = await apps.Get();
        using var admin = await web.SignedInClientAsync("admin");
        var response = await admin.PutAsJsonAsync("api/units/440781", new { name = "" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("单位名称不能为空");
        var moveUnderChild = await admin.PutAsJsonAsync("api/units/440700", new { name = "江门市司法局", parentCode = "440781" });
        moveUnderChild.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await moveUnderChild.Content.ReadAsStringAsync()).ShouldContain("循环");
    }

    private sealed record UnitJson(string Code, string Name);
}
