using System.Net;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.Extensions.Options;

namespace InterviewPortal.IntegrationTests.WeLink;

public sealed class WeLinkEnvelopeTests
{
    [Fact]
    public void Both_vendor_envelopes_become_one_exception_with_the_vendor_code()
    {
        Assert.Equal("48503", WeLinkEnvelope.Error(HttpStatusCode.OK, """{"code":"48503","message":"busy"}""", out _)!.Code);
        Assert.True(WeLinkEnvelope.Error(HttpStatusCode.OK, """{"code":"48503","message":"busy"}""", out _)!.IsThrottle);
        var meeting = WeLinkEnvelope.Error(HttpStatusCode.Unauthorized, """{"error_code":"USG.000000004","error_msg":"TOKEN_INVALID"}""", out _)!;
        Assert.Equal("USG.000000004", meeting.Code);
        Assert.Equal(401, meeting.HttpStatus);
        Assert.Null(WeLinkEnvelope.Error(HttpStatusCode.OK, """{"code":"0","message":"ok"}""", out _));
        Assert.Null(WeLinkEnvelope.Error(HttpStatusCode.OK, """[{"conferenceID":"1"}]""", out _));
        Assert.Equal("502", WeLinkEnvelope.Error(HttpStatusCode.BadGateway, "<html>", out _)!.Code);
    }

    [Fact]
    public void The_http_gateway_refuses_to_start_without_credentials()
    {
        using var portal = new PortalFactory();
        portal.Settings["WeLink:Gateway"] = "Http";
        portal.Settings["Jobs:Server"] = "false";
        var error = Assert.ThrowsAny<Exception>(() => portal.Server);
        Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains("WeLink:ClientId", error.GetBaseException().Message, StringComparison.Ordinal);
    }
}
