using Rapport.Features.Account;

namespace Rapport.UnitTests.Features.Account;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("short")]
    [InlineData("elevenchars")]
    public void Under_twelve_characters_is_refused(string password) =>
        Assert.Contains(PasswordPolicy.Problems(password, null), p => p.Contains("at least 12"));

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("twelve chars")]
    [InlineData("ALLUPPERCASENODIGITS")]
    [InlineData("  spaces at both ends  ")]
    [InlineData("émoji 🔑 pass phrase")]
    public void Long_passwords_need_no_digits_symbols_or_mixed_case(string password) =>
        Assert.Empty(PasswordPolicy.Problems(password, "ada@example.com"));

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop12")]
    [InlineData("aaaaaaaaaaaaaaa")]
    [InlineData("abcabcabcabcabc")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("987654321098")]
    public void Common_and_trivial_passwords_are_refused(string password) =>
        Assert.Contains(PasswordPolicy.Problems(password, null), p => p.Contains("common"));

    [Fact]
    public void More_than_1024_characters_is_refused_and_1024_is_accepted()
    {
        Assert.Contains(PasswordPolicy.Problems(new string('x', 1025) , null), p => p.Contains("at most"));
        var ok = string.Concat(Enumerable.Range(0, 128).Select(i => $"w{i:D3}rds ")).Substring(0, 1024);
        Assert.Empty(PasswordPolicy.Problems(ok, null));
    }

    [Fact]
    public void The_account_email_is_not_a_password() =>
        Assert.Contains(PasswordPolicy.Problems("ada.lovelace@example.com", "ada.lovelace@example.com"), p => p.Contains("email"));
}
