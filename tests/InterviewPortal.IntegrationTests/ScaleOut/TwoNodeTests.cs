using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.ScaleOut;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.ScaleOut;

/// <summary>Two nodes, one PostgreSQL database, one Redis: what one node issues or sends, the other honours or delivers.</summary>
public partial class TwoNodeTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    [Fact]
    public async Task A_bearer_token_issued_by_one_node_is_accepted_by_the_other()
    {
        var onA = await cluster.NodeA.ClientForStaffAsync("secretary1");
        var onB = cluster.NodeB.CreateClient();
        onB.DefaultRequestHeaders.Authorization = onA.DefaultRequestHeaders.Authorization;

        var response = await onB.GetAsync("/api/v1/candidates");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The key that protected the token came from the shared database, not from a folder both nodes happen to see.
        var keys = await cluster.NodeB.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1, "no Data Protection key in the database");
        var forged = cluster.NodeB.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", onA.DefaultRequestHeaders.Authorization!.Parameter![..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/candidates")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_form_from_one_node_posts_to_the_other_and_its_cookie_works_on_both()
    {
        // One cookie jar for both nodes, as a browser behind a load balancer without sticky sessions has.
        var jar = new CookieContainerHandler();
        var onA = cluster.NodeA.CreateDefaultClient(jar);
        var onB = cluster.NodeB.CreateDefaultClient(new CookieContainerHandler(jar.Container));

        var form = await onA.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value);
        var signIn = await onB.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "secretary1",
            ["Input.Password"] = PortalFactory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/api/v1/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/candidates")).StatusCode);
    }

    [Fact]
    public async Task A_ping_sent_on_one_node_reaches_an_admin_connected_to_the_other()
    {
        var admin = await cluster.NodeA.ClientForStaffAsync("admin");
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var toA = Connect(cluster.NodeA, token);
        await using var toB = Connect(cluster.NodeB, token);
        var heardOnB = new TaskCompletionSource<PongMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        toB.On<PongMessage>(PingHub.Pong, heardOnB.SetResult);
        await toA.StartAsync();
        await toB.StartAsync();

        await toA.InvokeAsync("Ping", "hello from A");

        var pong = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("hello from A", pong.Message);
        Assert.Equal("node-a", pong.FromNode);
    }

    [Fact]
    public async Task The_ping_hub_refuses_a_non_admin()
    {
        var secretary = await cluster.NodeA.ClientForStaffAsync("secretary1");
        await using var connection = Connect(cluster.NodeB, secretary.DefaultRequestHeaders.Authorization!.Parameter!);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static HubConnection Connect(WebApplicationFactory<Program> node, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, PingHub.Path), o =>
            {
                // The in-memory test server speaks HTTP only: long polling carries the bearer header on every poll.
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
