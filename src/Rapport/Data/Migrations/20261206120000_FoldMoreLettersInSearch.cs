using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Search folds the letters Unicode does not decompose (ł, ø, æ, œ, đ, þ, ı...) to their base letters, so
/// "lukasz" finds "Łukasz". The stored search text is already lower case, so a chain of replace() rebuilds it in SQL, the
/// same on both databases (SQLite's triggers keep its full-text index in step). The letters are copied here rather than
/// read from the code: a migration must keep doing what it did when it was written.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261206120000_FoldMoreLettersInSearch")]
public sealed class FoldMoreLettersInSearch : Migration
{
    private static readonly (string Letter, string Plain)[] Letters =
    [
        ("ł", "l"), ("ø", "o"), ("æ", "ae"), ("œ", "oe"), ("đ", "d"), ("ð", "d"), ("þ", "th"),
        ("ı", "i"), ("ħ", "h"), ("ŧ", "t"), ("ŋ", "n"), ("ƒ", "f"), ("ɨ", "i"), ("ʉ", "u"),
    ];

    protected override void Up(MigrationBuilder m)
    {
        var folded = Letters.Aggregate("\"SearchText\"", (sql, l) => $"replace({sql}, '{l.Letter}', '{l.Plain}')");
        m.Sql($"""UPDATE "Contacts" SET "SearchText" = {folded} WHERE "SearchText" <> {folded};""");
    }

    // Folded text cannot be unfolded; the old code still finds every row by the plain letters it now holds.
    protected override void Down(MigrationBuilder m)
    {
    }
}
