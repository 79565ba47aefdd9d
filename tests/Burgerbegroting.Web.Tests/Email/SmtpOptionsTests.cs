using Burgerbegroting.Web.Email;
using MailKit.Security;

namespace Burgerbegroting.Web.Tests.Email;

public sealed class SmtpOptionsTests
{
    [Theory]
    [InlineData(null, null, SecureSocketOptions.StartTls)]
    [InlineData(null, false, SecureSocketOptions.None)]
    [InlineData(null, true, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, false, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.None, null, SecureSocketOptions.None)]
    [InlineData(SmtpSecurity.Auto, null, SecureSocketOptions.Auto)]
    public void Security_decides_the_connection_and_the_older_StartTls_switch_counts_only_without_it(SmtpSecurity? security, bool? startTls, SecureSocketOptions expected) =>
        Assert.Equal(expected, new SmtpOptions { Security = security, StartTls = startTls }.SocketOptions);
}
