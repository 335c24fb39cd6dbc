namespace Rapport.Formats.ICalendar;

/// <summary>Finds a zone's offset changes by asking <see cref="TimeZoneInfo"/> hour by hour and bisecting to
/// the second: slower than reading adjustment rules, but right for any rule shape the tz database has.</summary>
internal static class ZoneTransitions
{
    private static readonly TimeSpan Step = TimeSpan.FromHours(1);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>For each run of consecutive years, one observance at its start (so every instant of the run is
    /// covered, even in a zone without changes) and one per change within it, in time order.</summary>
    /// <param name="years">UTC calendar years, each between 2 and 9998.</param>
    public static List<Observance> Find(TimeZoneInfo zone, IEnumerable<int> years)
    {
        var observances = new List<Observance>();
        var sorted = years.Distinct().Order().ToList();
        var i = 0;
        while (i < sorted.Count)
        {
            var first = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1) i++;
            var from = new DateTime(first, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var to = new DateTime(sorted[i] + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            FindWithin(zone, from, to, observances);
            i++;
        }
        return observances;
    }

    private static void FindWithin(TimeZoneInfo zone, DateTime from, DateTime to, List<Observance> observances)
    {
        var state = State.At(zone, from);
        var initial = observances.Count;
        observances.Add(new Observance(from, zone.GetUtcOffset(from - Second), state.Offset, state.IsDaylight));
        for (var t = from; t < to; t += Step)
        {
            var next = State.At(zone, t + Step);
            if (next == state) continue;
            // Bisect: lo is still in the old state, hi already in the new one.
            var lo = t;
            var hi = t + Step;
            while (hi - lo > Second)
            {
                var mid = lo + TimeSpan.FromSeconds(Math.Floor((hi - lo).TotalSeconds / 2));
                if (State.At(zone, mid) == state) lo = mid;
                else hi = mid;
            }
            var changed = State.At(zone, hi);
            var flips = changed.IsDaylight != state.IsDaylight && changed.Offset != state.Offset;
            // The tz database marks Dublin's winter (and Morocco's Ramadan) time as daylight saving, with a
            // negative offset; calendar apps expect DAYLIGHT to be the higher offset, so that is what is written.
            var daylight = flips ? changed.Offset > state.Offset : changed.IsDaylight;
            if (flips && observances.Count == initial + 1) observances[initial] = observances[initial] with { IsDaylight = !daylight };
            observances.Add(new Observance(hi, state.Offset, changed.Offset, daylight));
            state = changed;
            // Another change before this step's end: go on from the one just found.
            if (changed != next) t = hi - Step;
        }
    }

    private readonly record struct State(TimeSpan Offset, bool IsDaylight)
    {
        public static State At(TimeZoneInfo zone, DateTime utc) =>
            new(zone.GetUtcOffset(utc), zone.IsDaylightSavingTime(utc));
    }
}
