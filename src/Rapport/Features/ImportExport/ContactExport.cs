using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Formats.Csv;
using Rapport.Formats.VCard;

namespace Rapport.Features.ImportExport;

/// <summary>Writes the person's contacts (all, or a selection) as CSV or vCard, and organizations as CSV.</summary>
public sealed class ContactExport(RapportDb db)
{
    private const string VCardType = "text/vcard; charset=utf-8";
    private const string CsvType = "text/csv; charset=utf-8";

    // Contacts are read this many at a time, in name order, each part written out before the next is read. As plain
    // rows a part with its timelines takes a few megabytes; a smaller one would only mean more queries.
    private const int PartSize = 1_000;

    public async Task<IReadOnlyList<ContactCardData>> LoadAsync(IReadOnlyCollection<int>? ids)
    {
        var all = new List<ContactCardData>();
        await foreach (var part in PartsAsync(ids, withTimeline: true, CancellationToken.None)) all.AddRange(part);
        return all;
    }

    private IAsyncEnumerable<List<ContactCardData>> PartsAsync(IReadOnlyCollection<int>? ids, bool withTimeline, CancellationToken cancellationToken,
        bool withPhotos = false) =>
        new ContactCardParts(db).ReadAsync(ids, PartSize, withTimeline, cancellationToken, withPhotos);

    public StreamedDownload VCardFile(IReadOnlyCollection<int>? ids, string fileName) =>
        new(VCardType, fileName, cancellation => VCardPartsAsync(ids, cancellation));

    private async IAsyncEnumerable<string> VCardPartsAsync(IReadOnlyCollection<int>? ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Each part is written out on another thread while the next is read, so the two cores share the work.
        Task<string>? written = null;
        await foreach (var part in PartsAsync(ids, withTimeline: true, cancellationToken, withPhotos: true))
        {
            var next = Task.Run(() => VCardWriter.Write(part.Select(ContactVCard.ToCard)), cancellationToken);
            if (written is not null) yield return await written;
            written = next;
        }
        if (written is not null) yield return await written;
    }

    public static readonly string[] ContactColumns =
    [
        "First Name", "Last Name", "Title", "Organization", "City", "Emails", "Phones", "LinkedIn", "Source", "Referred By",
        "Alumni Of", "Career Fields", "Tags", "Priority", "Do Not Contact", "Connected On", "Last In Touch", "Notes", "Added", "Changed",
    ];

    public StreamedDownload CsvFile(IReadOnlyCollection<int>? ids, string fileName) =>
        new(CsvType, fileName, cancellation => CsvPartsAsync(ids, cancellation));

    private async IAsyncEnumerable<string> CsvPartsAsync(IReadOnlyCollection<int>? ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (var header = new StringWriter(CultureInfo.InvariantCulture))
        {
            SpreadsheetCsv.WriteHeader(header, ContactColumns);
            yield return header.ToString();
        }
        await foreach (var part in PartsAsync(ids, withTimeline: false, cancellationToken))
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            SpreadsheetCsv.WriteRows(writer, part.Select(CsvRow));
            yield return writer.ToString();
        }
    }

    private static IReadOnlyList<string?> CsvRow(ContactCardData d)
    {
        var c = d.Contact;
        return
        [
            c.FirstName, c.LastName, c.Title, c.OrganizationName, c.City,
            string.Join("; ", d.Emails.Select(e => e.Label is null ? e.Value : $"{e.Label}: {e.Value}")),
            string.Join("; ", d.Phones.Select(p => p.Label is null ? p.Value : $"{p.Label}: {p.Value}")),
            c.LinkedInUrl, c.Source is { } s ? Labels.Of(s) : null, d.ReferredBy?.Name, c.AlumniOf,
            string.Join("; ", d.FieldNames), string.Join("; ", d.Tags), Labels.Of(c.Priority),
            c.DoNotContact ? "yes" : "no", Date(c.ConnectedOn), Date(c.LastContactedOn), c.Notes,
            Stamp(c.CreatedAtUtc), Stamp(c.UpdatedAtUtc),
        ];
    }

    public async Task<FileContentResult> OrganizationsCsvAsync(string fileName)
    {
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.NormalizedName)
            .Select(o => new
            {
                o.Name, o.Website, o.City, o.Status, o.Motivation, o.Postings, o.AdvocateOverride, o.Notes,
                Fields = o.Fields.Select(f => f.CareerField!.Name).ToList(),
                Contacts = db.Contacts.Count(c => c.OrganizationId == o.Id),
            })
            .ToListAsync();
        var rows = organizations.Select(o => (IReadOnlyList<string?>)
        [
            o.Name, o.Website, o.City, Labels.Of(o.Status), string.Join("; ", o.Fields.Order(StringComparer.Ordinal)),
            o.Motivation?.ToString(CultureInfo.InvariantCulture), o.Postings?.ToString(CultureInfo.InvariantCulture),
            o.AdvocateOverride switch { true => "yes", false => "no", _ => o.Contacts > 0 ? "yes (from contacts)" : "no (from contacts)" },
            o.Contacts.ToString(CultureInfo.InvariantCulture), o.Notes,
        ]);
        return Csv(["Name", "Website", "City", "Status", "Career Fields", "Motivation", "Postings", "Advocate", "Contacts", "Notes"], rows, fileName);
    }

    private static FileContentResult Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, string fileName)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SpreadsheetCsv.Write(writer, header, rows);
        return new FileContentResult(new UTF8Encoding(false).GetBytes(writer.ToString()), CsvType) { FileDownloadName = fileName };
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
