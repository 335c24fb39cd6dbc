using System.Globalization;
using System.Linq.Expressions;
using Rapport.Domain;

namespace Rapport.Features.People;

/// <summary>A sort of the people table other than by name: the key each person is placed by, read from its own index
/// (OwnerId, key, name, id). People without a key (no organization, no conversation, no open task) come last in
/// either direction; equal keys go by name. The descending order is the ascending one reversed, the people without a
/// key kept last, so both read the same index (docs/decisions/019-the-people-table.md).</summary>
public abstract class PeopleSort
{
    public abstract bool NeverMissing { get; }

    /// <summary>The key of a row, as the database holds it, written for a page's position in the address.</summary>
    public abstract string? KeyText(ListEntry entry);

    /// <summary>People with the key (true) or without it.</summary>
    public abstract IQueryable<Contact> Having(IQueryable<Contact> contacts, bool withKey);

    /// <summary>People whose key equals, or lies beyond in the direction (ascending: after), the one written in <paramref name="keyText"/>;
    /// null when the text is not one this sort wrote.</summary>
    public abstract IQueryable<Contact>? Beyond(IQueryable<Contact> contacts, string keyText, bool equal, bool ascending);

    public abstract IOrderedQueryable<Contact> Order(IQueryable<Contact> contacts, bool ascending);

    public static PeopleSort? For(ContactSort sort) => sort switch
    {
        ContactSort.Organization => Organization,
        ContactSort.Source => new Keyed<int?, ContactSource?>(c => c.Source, e => (int?)e.Row.Source, false, Ints),
        ContactSort.Stage => new Keyed<int?, ConversationStage?>(c => c.LatestStage, e => (int?)e.Row.Stage, false, Ints),
        ContactSort.LastContact => new Keyed<DateOnly?, DateOnly?>(c => c.LastContactedOn, e => e.Row.LastContactedOn, false,
            (t => DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
             d => d!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        ContactSort.NextTask => new Keyed<DateTime?, DateTime?>(c => c.NextTaskDueUtc, e => e.Row.NextTaskDueUtc, false,
            (t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                ? new DateTime(ticks, DateTimeKind.Utc) : null,
             d => d!.Value.Ticks.ToString(CultureInfo.InvariantCulture))),
        ContactSort.Priority => new Keyed<int?, Priority>(c => c.Priority, e => (int?)e.Row.Priority, true, Ints),
        _ => null,
    };

    private static readonly (Func<string, int?> Parse, Func<int?, string> Write) Ints =
        (t => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
         i => i!.Value.ToString(CultureInfo.InvariantCulture));

    private static readonly PeopleSort Organization = new Named();

    /// <summary>By name from Z to A (A to Z keeps its own reading, <see cref="ListPage.ByNameAsync"/>): the name is the key.</summary>
    public static readonly PeopleSort NameDescending = new ByName();

    private sealed class ByName : PeopleSort
    {
        public override bool NeverMissing => true;

        public override string? KeyText(ListEntry entry) => entry.SearchKey;

        public override IQueryable<Contact> Having(IQueryable<Contact> contacts, bool withKey) => withKey ? contacts : contacts.Where(c => false);

        public override IQueryable<Contact>? Beyond(IQueryable<Contact> contacts, string keyText, bool equal, bool ascending) =>
            equal ? contacts.Where(c => c.SearchKey == keyText)
            : ascending ? contacts.Where(c => c.SearchKey.CompareTo(keyText) > 0) : contacts.Where(c => c.SearchKey.CompareTo(keyText) < 0);

        public override IOrderedQueryable<Contact> Order(IQueryable<Contact> contacts, bool ascending) => ascending
            ? contacts.OrderBy(c => c.SearchKey).ThenBy(c => c.Id)
            : contacts.OrderByDescending(c => c.SearchKey).ThenByDescending(c => c.Id);
    }

    /// <summary>A key of numbers, dates or a list's values (<typeparamref name="TColumn"/>, ordered as the column itself
    /// so the index serves the order), compared as <typeparamref name="TKey"/> the way C# compares them (an enum through
    /// its number), through a parameter: every page shares one query plan.</summary>
    private sealed class Keyed<TKey, TColumn>(Expression<Func<Contact, TColumn>> column, Func<ListEntry, TKey> keyOf, bool neverMissing,
        (Func<string, TKey> Parse, Func<TKey, string> Write) text) : PeopleSort
    {
        public override bool NeverMissing => neverMissing;

        public override string? KeyText(ListEntry entry) => keyOf(entry) is { } value ? text.Write(value) : null;

        public override IQueryable<Contact> Having(IQueryable<Contact> contacts, bool withKey)
        {
            var none = Expression.Constant(null, typeof(TColumn).IsValueType && Nullable.GetUnderlyingType(typeof(TColumn)) is null
                ? typeof(Nullable<>).MakeGenericType(typeof(TColumn)) : typeof(TColumn));
            var body = none.Type == typeof(TColumn) ? column.Body : Expression.Convert(column.Body, none.Type);
            var test = withKey ? Expression.NotEqual(body, none) : Expression.Equal(body, none);
            return contacts.Where(Expression.Lambda<Func<Contact, bool>>(test, column.Parameters));
        }

        public override IQueryable<Contact>? Beyond(IQueryable<Contact> contacts, string keyText, bool equal, bool ascending)
        {
            if (text.Parse(keyText) is not { } value) return null;
            // Through a field of an object, as a captured variable is: EF sends it as a parameter, not as text in the SQL.
            var holder = Expression.Field(Expression.Constant(new Holder<TKey> { Value = value }), nameof(Holder<TKey>.Value));
            var key = typeof(TColumn) == typeof(TKey) ? column.Body : Expression.Convert(column.Body, typeof(TKey));
            var test = equal ? Expression.Equal(key, holder)
                : ascending ? Expression.GreaterThan(key, holder) : Expression.LessThan(key, holder);
            return contacts.Where(Expression.Lambda<Func<Contact, bool>>(test, column.Parameters));
        }

        public override IOrderedQueryable<Contact> Order(IQueryable<Contact> contacts, bool ascending) => ascending
            ? contacts.OrderBy(column).ThenBy(c => c.SearchKey).ThenBy(c => c.Id)
            : contacts.OrderByDescending(column).ThenByDescending(c => c.SearchKey).ThenByDescending(c => c.Id);
    }

    private sealed class Holder<T>
    {
        public T Value = default!;
    }

    /// <summary>By the organization's folded name, compared as the database compares text (as the name sort does).</summary>
    private sealed class Named : PeopleSort
    {
        public override bool NeverMissing => false;

        public override string? KeyText(ListEntry entry) => entry.OrganizationKey;

        public override IQueryable<Contact> Having(IQueryable<Contact> contacts, bool withKey) =>
            withKey ? contacts.Where(c => c.OrganizationKey != null) : contacts.Where(c => c.OrganizationKey == null);

        public override IQueryable<Contact>? Beyond(IQueryable<Contact> contacts, string keyText, bool equal, bool ascending) =>
            equal ? contacts.Where(c => c.OrganizationKey == keyText)
            : ascending ? contacts.Where(c => c.OrganizationKey!.CompareTo(keyText) > 0) : contacts.Where(c => c.OrganizationKey!.CompareTo(keyText) < 0);

        public override IOrderedQueryable<Contact> Order(IQueryable<Contact> contacts, bool ascending) => ascending
            ? contacts.OrderBy(c => c.OrganizationKey).ThenBy(c => c.SearchKey).ThenBy(c => c.Id)
            : contacts.OrderByDescending(c => c.OrganizationKey).ThenByDescending(c => c.SearchKey).ThenByDescending(c => c.Id);
    }
}
