using System.Net;
using System.Net.Sockets;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>
/// The key a client is limited by: an IPv4 address whole, an IPv6 address by its /64. One home or mobile line is
/// handed a whole /64 and can pick any of its 2^64 addresses, so counting IPv6 per address would not count at all.
/// </summary>
public static class ClientAddress
{
    public static string? Key(IPAddress? address)
    {
        if (address is null)
            return null;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string? Key(HttpContext http) => Key(http.Connection.RemoteIpAddress);
}
