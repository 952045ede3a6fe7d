package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonTableFunction;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.XmlTableFunction;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import org.jspecify.annotations.Nullable;

/**
 * Walks one expression: resolves every column it reads (all are uses "inside an expression"),
 * checks every function against the allow-list, and analyses every subquery in it.
 */
final class ExprWalker extends ExpressionVisitorAdapter<Void> {
  private final QueryWalker queries;
  private final NameScope scope;
  private final Set<ColumnRef> columns = new LinkedHashSet<>();

  private ExprWalker(QueryWalker queries, NameScope scope) {
    this.queries = queries;
    this.scope = scope;
  }

  /** The table columns {@code expression} reads; null expressions read nothing. */
  static Set<ColumnRef> columns(QueryWalker queries, NameScope scope, @Nullable Expression expression) {
    if (expression == null) {
      return Set.of();
    }
    ExprWalker w = new ExprWalker(queries, scope);
    expression.accept(w, null);
    return w.columns;
  }

  @Override
  public <S> Void visit(Column column, S context) {
    columns.addAll(queries.names.resolve(scope, column).sources());
    return null;
  }

  @Override
  public <S> Void visit(AllTableColumns all, S context) {
    Table t = all.getTable();
    String schema = t.getSchemaName() == null ? null : queries.names.fold(t.getSchemaName(), "schema");
    queries.names.wholeRow(scope.qualified(schema, queries.names.fold(t.getName(), "table")));
    return null;
  }

  @Override
  public <S> Void visit(Function function, S context) {
    queries.out.seen(function);
    List<String> parts = function.getMultipartName();
    FunctionAllowList.check(parts == null ? List.of("") : parts, String.valueOf(function.getName()),
        function.isEscaped(), false);
    super.visit(function, context);
    if (function.getNamedParameters() != null) { // SUBSTRING(x FROM 1 FOR 4) in its SQL-standard form
      function.getNamedParameters().accept(this, context);
    }
    if (function.getChainedParameters() != null) {
      function.getChainedParameters().accept(this, context);
    }
    if (function.getKeywordArguments() != null) { // SUBSTRING(x FROM 1 FOR 4), POSITION('a' IN x)
      for (Function.KeywordArgument k : function.getKeywordArguments()) {
        if (k.getExpression() != null) {
          k.getExpression().accept(this, context);
        }
      }
    }
    return null;
  }

  @Override
  public <S> Void visit(TrimFunction trim, S context) {
    for (Expression e : new Expression[] {trim.getExpression(), trim.getFromExpression()}) {
      if (e != null) {
        e.accept(this, context);
      }
    }
    return null;
  }

  @Override
  public <S> Void visit(AnyComparisonExpression any, S context) {
    subquery(any.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(AnalyticExpression function, S context) {
    FunctionAllowList.check(List.of(String.valueOf(function.getName())), String.valueOf(function.getName()), false,
        false);
    return super.visit(function, context);
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    subquery(select);
    return null;
  }

  @Override
  public <S> Void visit(Select select, S context) {
    subquery(select);
    return null;
  }

  private void subquery(Select select) {
    for (OutputColumn o : queries.select(select, scope)) {
      columns.addAll(o.sources());
    }
  }

  @Override
  public <S> Void visit(NextValExpression expression, S context) {
    throw refused("NEXT VALUE FOR / nextval changes a sequence");
  }

  @Override
  public <S> Void visit(VariableAssignment expression, S context) {
    throw refused("variable assignment changes session state");
  }

  @Override
  public <S> Void visit(UserVariable expression, S context) {
    throw refused("session variables carry state between statements");
  }

  @Override
  public <S> Void visit(JsonTableFunction expression, S context) {
    throw refused("JSON_TABLE");
  }

  @Override
  public <S> Void visit(XmlTableFunction expression, S context) {
    throw refused("XMLTABLE");
  }

  private static SqlRejectedException refused(String what) {
    return new SqlRejectedException(ReasonCode.SQL_FORBIDDEN, what + " is not allowed in a guarded statement");
  }
}
