using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class FoldingTests
{
    [Theory]
    [InlineData("Zoë Saldaña", "zoe saldana")]
    [InlineData("Zoe\u0308 Saldan\u0303a", "zoe saldana")]
    [InlineData("  ACME   Corp ", "acme corp")]
    [InlineData("Straße", "strasse")]
    [InlineData("İlkay Gündoğan", "ilkay gundogan")]
    [InlineData("Ali\u200BBaba", "alibaba")]
    [InlineData("Þórunn", "þorunn")]
    public void Folding_ignores_case_accents_composition_and_spacing(string input, string expected) =>
        Assert.Equal(expected, Folding.Fold(input));

    [Theory]
    [InlineData("Łukasz Żółć", "lukasz zolc")]
    [InlineData("Øyvind Bjørnæs", "oyvind bjornaes")]
    [InlineData("Œuvre Þórunn Đorđević", "oeuvre thorunn dordevic")]
    [InlineData("Işık Straße", "isik strasse")]
    public void Search_also_folds_letters_unicode_does_not_decompose(string input, string expected) =>
        Assert.Equal(expected, Folding.FoldForSearch(input));

    [Fact]
    public void Names_with_unique_indexes_keep_the_stricter_folding() =>
        Assert.Equal("łukasz", Folding.Fold("Łukasz"));

    [Fact]
    public void Composed_and_decomposed_names_fold_to_the_same_key() =>
        Assert.Equal(Folding.Fold("Zoë"), Folding.Fold("Zoe\u0308"));

    [Fact]
    public void Blank_text_folds_to_empty() => Assert.Equal("", Folding.Fold("   \t "));

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var text = "ab" + "👩";
        var cut = Folding.Truncate(text, 3);
        Assert.Equal("ab", cut);
    }
}
