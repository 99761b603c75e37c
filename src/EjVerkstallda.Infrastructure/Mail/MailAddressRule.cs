using MimeKit;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>What the configuration accepts as an e-mail address: one plain address (no display name), as MimeKit parses it.</summary>
public static class MailAddressRule
{
    public static bool IsPlainAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && MailboxAddress.TryParse(ParserOptions.Default, address, out var parsed)
        && parsed.Address == address.Trim()
        && parsed.Address.Contains('@', StringComparison.Ordinal);
}
