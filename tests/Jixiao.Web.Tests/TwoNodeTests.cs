using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jixiao.Features.Demo;
using Jixiao.Features.Tests.Infrastructure;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>
/// Several nodes (ADR-016, README "多节点部署"): two <c>jixiao serve</c> processes on one PostgreSQL
/// database, each with its own data folder, so that nothing can pass between them but the database.
/// A sign-in made on one node holds on the other (Data Protection keys in the database), a public
/// form opened on one is accepted by the other, and a file uploaded to one is served by the other.
/// </summary>
public sealed class TwoNodeTests
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "jixiao.dll");

    [Fact]
    public async Task TwoServeProcesses_OnOneDatabase_ShareSignIn_PublicForms_AndUploadedFiles()
    {
        TestDatabase.Require("Postgres");
        var database = "jixiao_test_nodes_" + Guid.NewGuid().ToString("N")[..12];
        var root = Path.Combine(Path.GetTempPath(), "jixiao-nodes-tests", Guid.NewGuid().ToString("N"));
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = database }.ConnectionString;
        await TestDatabase.CreatePostgresDatabaseAsync(database);
        var nodes = new List<Node>();
        try
        {
            // Migrations and demo data once, from a third folder, as an operator would before starting the nodes.
            var (demo, demoOutput) = await RunAsync(connection, ["demo", "--data", Path.Combine(root, "setup")]);
            demo.ShouldBe(0, demoOutput);

            nodes.Add(Node.Start(connection, Path.Combine(root, "a")));
            nodes.Add(Node.Start(connection, Path.Combine(root, "b")));
            var (a, b) = (nodes[0], nodes[1]);
            await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());

            // One browser behind a load balancer: one cookie jar (cookies do not tell ports apart), two nodes.
            var cookies = new CookieContainer();
            using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
            using var toA = new HttpClient(handler, disposeHandler: false) { BaseAddress = a.BaseAddress };
            using var toB = new HttpClient(handler, disposeHandler: false) { BaseAddress = b.BaseAddress };

            // The sign-in form comes from A (its antiforgery token), the sign-in goes to B.
            var token = await RunningWeb.AntiforgeryTokenAsync(toA, "account/login");
            var login = await toB.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = "jx.case",
                ["Input.Password"] = DemoData.DemoPassword,
            }));
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect, await login.Content.ReadAsStringAsync() + b.Output);
            cookies.GetCookies(b.BaseAddress)["jixiao.auth"].ShouldNotBeNull();
            foreach (var node in new[] { toA, toB })
            {
                var me = await node.GetAsync("api/me");
                me.StatusCode.ShouldBe(HttpStatusCode.OK, $"{node.BaseAddress}: {a.Output}{b.Output}");
                var body = await me.Content.ReadFromJsonAsync<JsonElement>();
                body.GetProperty("userName").GetString().ShouldBe("jx.case");
                body.GetProperty("unitName").GetString().ShouldBe("江门市司法局");
            }

            // A forged cookie (the real one with its signature broken) is refused by both.
            var real = cookies.GetCookies(a.BaseAddress)["jixiao.auth"]!.Value;
            foreach (var node in nodes)
            {
                using var forged = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };
                forged.DefaultRequestHeaders.Add("Cookie", "jixiao.auth=" + real[..^8] + (real[^8..].Contains('A', StringComparison.Ordinal) ? "BBBBBBBB" : "AAAAAAAA"));
                (await forged.GetAsync("api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                using var copied = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };
                copied.DefaultRequestHeaders.Add("Cookie", "jixiao.auth=" + real);
                (await copied.GetAsync("api/me")).StatusCode.ShouldBe(HttpStatusCode.OK); // the very same cookie, by hand: the check above is not vacuous
            }

            // The public form: opened (challenge and antiforgery token) on A, posted with a file to B.
            using var publicHandler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var publicA = new HttpClient(publicHandler, disposeHandler: false) { BaseAddress = a.BaseAddress };
            using var publicB = new HttpClient(publicHandler, disposeHandler: false) { BaseAddress = b.BaseAddress };
            var page = await OnlineForm.OpenAsync(publicA);
            var file = Encoding.ASCII.GetBytes("%PDF-1.4\n").Concat(RandomNumberGenerator.GetBytes(1_500_000)).ToArray();
            var applied = await publicB.PostAsync("apply", OnlineForm.Application(page, OnlineForm.IdNumber("44070419880216302"), OnlineForm.Solve(page), ("决定书.pdf", file)));
            applied.StatusCode.ShouldBe(HttpStatusCode.OK);
            var receipt = await applied.Content.ReadAsStringAsync();
            var caseNumber = OnlineForm.Element(receipt, "receipt-number").ShouldNotBeNull(receipt + b.Output);

            int attachmentId;
            await using (var db = new NpgsqlConnection(connection))
            {
                await db.OpenAsync();
                await using var query = new NpgsqlCommand(
                    """
                    SELECT f."Id" FROM "OnlineApplicationAttachments" f
                    JOIN "OnlineApplications" o ON o."Id" = f."OnlineApplicationId"
                    JOIN "ReconsiderationCases" c ON c."Id" = o."CaseId"
                    WHERE c."CaseNumber" = @number
                    """, db);
                query.Parameters.AddWithValue("number", caseNumber);
                attachmentId = (int)(await query.ExecuteScalarAsync())!;
            }

            // The staff download through A (which never saw the upload) and through B: the same bytes.
            foreach (var node in new[] { toA, toB })
            {
                var download = await node.GetAsync($"files/reconsideration/{attachmentId}");
                download.StatusCode.ShouldBe(HttpStatusCode.OK, $"{node.BaseAddress}: {a.Output}{b.Output}");
                download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
                (await download.Content.ReadAsByteArrayAsync()).ShouldBe(file);
            }

            // Neither node kept the file on its own disk (only the emptied spool folder may exist).
            foreach (var node in nodes)
            {
                (Directory.Exists(node.Data) ? Directory.EnumerateFiles(node.Data, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)) : [])
                    .ShouldBeEmpty();
            }

            // Sign-out through A (with a token of a signed-in form of A): the cookie is gone, both nodes answer 401.
            var logoutToken = await RunningWeb.AntiforgeryTokenAsync(toA, "account/password");
            var logout = await toA.PostAsync("account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = logoutToken,
            }));
            logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            cookies.GetCookies(a.BaseAddress)["jixiao.auth"].ShouldBeNull();
            (await toA.GetAsync("api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await toB.GetAsync("api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await toB.GetAsync($"files/reconsideration/{attachmentId}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await TestDatabase.DropPostgresDatabaseAsync(database);
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string connection, string[] args)
    {
        using var process = Process.Start(StartInfo(connection, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo StartInfo(string connection, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Database__Provider"] = "Postgres";
        info.Environment["ConnectionStrings__Jixiao"] = connection;
        info.Environment["Logging__Format"] = "text";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Jixiao__OnlineApplication__ChallengeBits"] = "8";
        return info;
    }

    /// <summary>One <c>jixiao serve</c> process on a free loopback port with its own data folder; its output kept for failure messages.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        private Node(Process process, string data, Uri baseAddress)
        {
            this.process = process;
            Data = data;
            BaseAddress = baseAddress;
        }

        public string Data { get; }

        public Uri BaseAddress { get; }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return $"\n--- {BaseAddress} ---\n{output}";
                }
            }
        }

        public static Node Start(string connection, string data)
        {
            Directory.CreateDirectory(data);
            var port = FreePort();
            var process = Process.Start(StartInfo(connection, ["serve", "--data", data, "--urls", $"http://127.0.0.1:{port}"]))!;
            var node = new Node(process, data, new Uri($"http://127.0.0.1:{port}/"));
            process.OutputDataReceived += (_, e) => node.Append(e.Data);
            process.ErrorDataReceived += (_, e) => node.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return node;
        }

        public async Task WaitUntilHealthyAsync()
        {
            using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            for (var i = 0; i < 120; i++)
            {
                process.HasExited.ShouldBeFalse("the node stopped: " + Output);
                try
                {
                    if (await http.GetStringAsync("healthz") == "Healthy")
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }

                await Task.Delay(500);
            }

            throw new TimeoutException("the node did not become healthy: " + Output);
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
