using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Lets queries call Domain rules that are written as expressions, such as
/// <see cref="Contact.FullNameOf"/>: before EF translates a query, each call is replaced by the rule's own
/// expression, so SQLite and PostgreSQL compute exactly what the code computes, in projections, sorts and
/// UNIONs alike. EF cannot see into a method's body; it can translate the expression.</summary>
public sealed class RulesInQueries : IQueryExpressionInterceptor
{
    public static readonly RulesInQueries Instance = new();

    private static readonly Dictionary<MethodInfo, LambdaExpression> Rules = new()
    {
        [typeof(Contact).GetMethod(nameof(Contact.FullNameOf))!] = Contact.FullNameRule,
    };

    private RulesInQueries()
    {
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new Inliner().Visit(queryExpression);

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!Rules.TryGetValue(node.Method, out var rule)) return base.VisitMethodCall(node);
            var arguments = node.Arguments.Select(Visit).ToList();
            return new Substitution(rule.Parameters.Zip(arguments!).ToDictionary(p => p.First, p => p.Second!)).Visit(rule.Body);
        }
    }

    /// <summary>The rule's body with its parameters replaced by the query's own expressions.</summary>
    private sealed class Substitution(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);
    }
}
