using Rapport.Features.Shared;

namespace Rapport.UnitTests.Features.Shared;

public class AvatarTests
{
    [Fact]
    public void A_name_keeps_its_disc_colour_whatever_its_case_or_surrounding_spaces()
    {
        var hue = new Avatar(1, "Amara Okafor", false).Hue;
        Assert.Equal(hue, new Avatar(2, " amara okafor ", false).Hue);
        Assert.Equal(hue, new Avatar(3, "AMARA OKAFOR", true, Large: true).Hue);
    }

    [Fact]
    public void Names_spread_over_every_disc_colour()
    {
        var names = new[] { "Amara Okafor", "Ben Ito", "Chloé Martin", "Dev Patel", "Elena Rossi", "Farah Haddad", "Gus Lindqvist",
            "Hana Sato", "Ivan Petrov", "Jamal Wright", "Kim Nguyen", "Lena Fischer", "Marta Silva", "Noah Cohen", "Olu Adeyemi",
            "Priya Shah", "Quinn Baker", "Rosa Díaz", "Sam Lee", "Tomás Ruiz", "Uma Rao", "Vera Novak", "Wen Li", "Yusuf Kaya" };
        var hues = names.Select(n => new Avatar(0, n, false).Hue).ToList();
        Assert.All(hues, h => Assert.InRange(h, 0, Avatar.Hues - 1));
        Assert.True(hues.Distinct().Count() >= 6, string.Join(",", hues));
    }
}
