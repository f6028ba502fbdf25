using System.Net;
using System.Net.Sockets;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>The unit a client address counts as when limiting: an IPv4 address, or an IPv6 /64 (one household or phone).</summary>
public static class ClientAddress
{
    public static string Bucket(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        // A provider hands every subscriber at least a /64, so the low 64 bits cost an attacker nothing to change.
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
