using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data;

/// <summary>Counts the SQL commands each request sends and reports the count in a <c>Server-Timing</c>
/// header (<c>sql;desc="4"</c>). Off unless <c>Diagnostics:SqlCommandCount</c> is true: the benchmark turns
/// it on to show that a page's command count does not grow with the size of the network.</summary>
public sealed class SqlCommandCount : DbCommandInterceptor
{
    public const string Setting = "Diagnostics:SqlCommandCount";
    public const string HeaderMetric = "sql";

    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    public static IApplicationBuilder UseSqlCommandCount(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var count = new StrongBox<int>();
        Current.Value = count;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append("Server-Timing", $"{HeaderMetric};desc=\"{count.Value}\"");
            return Task.CompletedTask;
        });
        await next();
    });

    private static void Count()
    {
        if (Current.Value is { } count) Interlocked.Increment(ref count.Value);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
