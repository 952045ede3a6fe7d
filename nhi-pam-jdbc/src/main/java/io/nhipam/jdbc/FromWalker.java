package io.nhipam.jdbc;

import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import org.jspecify.annotations.Nullable;

/**
 * Walks FROM clauses: real tables (a CTE name shadows a table of the same name when unqualified),
 * derived tables, table functions (allow-listed), VALUES and joins with their ON/USING conditions.
 * Each becomes a {@link NameScope.Source} of the level being built.
 */
final class FromWalker {
  private final QueryWalker q;
  private final AnalysisBuilder out;

  FromWalker(QueryWalker q) {
    this.q = q;
    this.out = q.out;
  }

  void joins(@Nullable List<Join> joins, NameScope scope) {
    if (joins == null) {
      return;
    }
    for (Join j : joins) {
      fromItem(j.getFromItem(), scope);
    }
    for (Join j : joins) {
      if (j.getOnExpressions() != null) {
        for (Expression on : j.getOnExpressions()) {
          out.inference(ExprWalker.columns(q, scope, on));
        }
      }
      if (j.getUsingColumns() != null) {
        for (Column c : j.getUsingColumns()) {
          out.seen(c);
          out.inference(scope.unqualified(q.names.fold(c.getColumnName(), "column")));
        }
      }
    }
  }

  void fromItem(FromItem item, NameScope scope) {
    if (item.getPivot() != null || item.getUnPivot() != null) {
      throw QueryWalker.unsupported("PIVOT/UNPIVOT");
    }
    String alias = aliasName(item.getAlias());
    if (item instanceof Table t) {
      String folded = q.names.fold(t.getName(), "table");
      List<OutputColumn> cte = t.getSchemaName() == null ? scope.cte(folded) : null;
      if (cte != null) {
        out.seen(t);
        scope.add(new NameScope.Source(alias != null ? alias : folded, null, null, cte));
        return;
      }
      TableRef ref = q.names.table(t);
      out.access(ref, Verb.SELECT);
      scope.add(new NameScope.Source(alias != null ? alias : ref.table(), alias != null ? null : ref.schema(), ref,
          List.of()));
    } else if (item instanceof ParenthesedSelect ps) {
      out.seen(ps);
      List<OutputColumn> outputs = q.select(ps.getSelect(), scope);
      outputs = q.renamed(outputs, aliasColumns(item.getAlias()));
      scope.add(new NameScope.Source(alias != null ? alias : "", null, null, outputs));
    } else if (item instanceof ParenthesedFromItem pf) {
      fromItem(pf.getFromItem(), scope);
      joins(pf.getJoins(), scope);
    } else if (item instanceof TableFunction tf) {
      if (tf.isRowsFrom()) {
        throw QueryWalker.unsupported("ROWS FROM");
      }
      var f = tf.getFunction();
      out.seen(tf);
      out.seen(f);
      FunctionAllowList.check(f.getMultipartName(), String.valueOf(f.getName()), f.isEscaped(), true);
      out.inference(ExprWalker.columns(q, scope, f.getParameters()));
      scope.add(new NameScope.Source(alias != null ? alias : "", null, null, List.of()));
    } else if (item instanceof Values v) {
      out.seen(v);
      out.inference(ExprWalker.columns(q, scope, v.getExpressions()));
      scope.add(new NameScope.Source(alias != null ? alias : "", null, null, List.of()));
    } else {
      throw QueryWalker.unsupported("FROM item " + item.getClass().getSimpleName());
    }
  }

  private @Nullable String aliasName(@Nullable Alias alias) {
    return alias == null || alias.getName() == null ? null : q.names.fold(alias.getName(), "alias");
  }

  private static @Nullable List<String> aliasColumns(@Nullable Alias alias) {
    if (alias == null || alias.getAliasColumns() == null) {
      return null;
    }
    return alias.getAliasColumns().stream().map(c -> c.name).toList();
  }
}
