package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import org.jspecify.annotations.Nullable;

/**
 * Walks queries: WITH lists, set operations, plain selects, FROM items and joins. Produces the
 * output lineage of each query and records table reads and inference uses in the builder.
 */
final class QueryWalker {
  /** A resolved column: the table columns it may mean, and whether it passes a value unchanged. */
  record Resolved(Set<ColumnRef> sources, boolean direct) {}

  final AnalysisBuilder out;
  final NameResolver names;
  final FromWalker from;
  private final StatementWalker statements;

  QueryWalker(AnalysisBuilder out) {
    this.out = out;
    this.names = new NameResolver(out);
    this.from = new FromWalker(this);
    this.statements = new StatementWalker(this);
  }

  StatementWalker statements() {
    return statements;
  }

  // ------------------------------------------------------------------ queries

  List<OutputColumn> select(Select select, NameScope outer) {
    out.seen(select);
    NameScope level = new NameScope(outer);
    withItems(select.getWithItemsList(), level);
    if (select.getForClause() != null) {
      throw unsupported("FOR XML/JSON clause");
    }
    int mark = out.readMark();
    List<OutputColumn> outputs;
    if (select instanceof PlainSelect ps) {
      outputs = plain(ps, level);
    } else if (select instanceof SetOperationList set) {
      outputs = setOperation(set, level);
    } else if (select instanceof ParenthesedSelect ps) {
      outputs = select(ps.getSelect(), level);
      orderBy(select.getOrderByElements(), level, outputs);
    } else if (select instanceof Values values) {
      out.inference(ExprWalker.columns(this, level, values.getExpressions()));
      outputs = valuesOutputs(values);
    } else {
      throw unsupported(select.getClass().getSimpleName());
    }
    limits(select, level);
    out.seenAll(select.getForUpdateTables());
    if (select.getForUpdate() != null) {
      out.seenAll(select.getForUpdate().getTables());
    }
    if (select.getForMode() != null || select.getForUpdate() != null) {
      for (TableRef t : out.readsSince(mark)) {
        out.access(t, Verb.UPDATE);
      }
    }
    return outputs;
  }

  /** One lineage-free column per value of a VALUES row. */
  private static List<OutputColumn> valuesOutputs(Values values) {
    var rows = values.getExpressions();
    int width = 1;
    if (rows != null && !rows.isEmpty() && rows.get(0) instanceof net.sf.jsqlparser.expression.operators.relational
        .ExpressionList<?> first) {
      width = first.size();
    }
    List<OutputColumn> out = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      out.add(new OutputColumn(null, Set.of(), false, Set.of()));
    }
    return out;
  }

  private void limits(Select select, NameScope scope) {
    if (select.getLimit() != null) {
      out.inference(ExprWalker.columns(this, scope, select.getLimit().getRowCount()));
      out.inference(ExprWalker.columns(this, scope, select.getLimit().getOffset()));
    }
    if (select.getOffset() != null) {
      out.inference(ExprWalker.columns(this, scope, select.getOffset().getOffset()));
    }
    if (select.getFetch() != null) {
      out.inference(ExprWalker.columns(this, scope, select.getFetch().getExpression()));
    }
  }

  void withItems(@Nullable List<WithItem<?>> items, NameScope level) {
    if (items == null) {
      return;
    }
    for (WithItem<?> w : items) {
      String name = names.fold(w.getAliasName(), "CTE name");
      if (w.isRecursive()) {
        level.defineCte(name, List.of()); // first pass: the self-reference has no lineage yet
        level.defineCte(name, withItem(w, level));
      }
      level.defineCte(name, withItem(w, level)); // (second) pass with the self-reference resolved
    }
  }

  private List<OutputColumn> withItem(WithItem<?> w, NameScope level) {
    Object body = w.getStatement();
    List<OutputColumn> outputs = body instanceof Select s ? select(s, level) : statements.dataModifyingCte(body, level);
    if (w.getWithItemList() != null) {
      w.getWithItemList().forEach(i -> out.seen(i.getExpression()));
    }
    return renamed(outputs, w.getWithItemList() == null ? null
        : w.getWithItemList().stream().map(i -> i.getExpression().toString()).toList());
  }

  List<OutputColumn> renamed(List<OutputColumn> outputs, @Nullable List<String> labels) {
    if (labels == null || labels.isEmpty()) {
      return outputs;
    }
    if (outputs.stream().anyMatch(OutputColumn::isStar) || outputs.size() != labels.size()) {
      throw unsupported("a column list that cannot be matched to the query's columns");
    }
    List<OutputColumn> r = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      r.add(outputs.get(i).renamed(names.fold(labels.get(i), "column alias")));
    }
    return r;
  }

  private List<OutputColumn> setOperation(SetOperationList set, NameScope level) {
    List<List<OutputColumn>> branches = new ArrayList<>();
    for (Select s : set.getSelects()) {
      branches.add(select(s, level));
    }
    boolean comparing = false;
    for (SetOperation op : set.getOperations()) {
      comparing |= !(op instanceof UnionOp && op.isAll());
    }
    if (comparing) {
      // UNION (distinct), INTERSECT and EXCEPT compare values: a membership test on masked data.
      branches.forEach(out::inferenceFromOutputs);
    }
    List<OutputColumn> first = branches.get(0);
    boolean exact = branches.stream().allMatch(b -> b.size() == first.size() && b.stream().noneMatch(
        OutputColumn::isStar));
    if (!exact) {
      // the result's labels come from the first branch, so a later branch's columns cannot be placed
      throw unsupported("a set operation whose branches have * over a table or different widths; list the"
          + " columns of every branch");
    }
    List<OutputColumn> merged = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      Set<ColumnRef> src = new LinkedHashSet<>();
      boolean direct = true;
      for (List<OutputColumn> b : branches) {
        src.addAll(b.get(i).sources());
        direct &= b.get(i).direct();
      }
      merged.add(new OutputColumn(first.get(i).name(), src, direct, Set.of()));
    }
    orderBy(set.getOrderByElements(), level, merged);
    return merged;
  }

  private List<OutputColumn> plain(PlainSelect ps, NameScope parent) {
    rejectExotic(ps);
    NameScope scope = new NameScope(parent);
    if (ps.getFromItem() != null) {
      from.fromItem(ps.getFromItem(), scope);
    }
    from.joins(ps.getJoins(), scope);
    out.inference(ExprWalker.columns(this, scope, ps.getWhere()));
    out.inference(ExprWalker.columns(this, scope, ps.getHaving()));
    out.inference(ExprWalker.columns(this, scope, ps.getQualify()));
    out.inference(ExprWalker.columns(this, scope, ps.getPreWhere()));
    List<OutputColumn> outputs = new ArrayList<>();
    for (SelectItem<?> item : ps.getSelectItems()) {
      outputs.addAll(selectItem(item, scope));
    }
    if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
      for (SelectItem<?> item : ps.getDistinct().getOnSelectItems()) {
        out.inference(ExprWalker.columns(this, scope, item.getExpression()));
      }
    }
    if (ps.getGroupBy() != null) {
      for (Object e : ps.getGroupBy().getGroupByExpressionList()) {
        ordinalOrExpression((Expression) e, scope, outputs);
      }
      if (ps.getGroupBy().getGroupingSets() != null) {
        ps.getGroupBy().getGroupingSets().forEach(l -> out.inference(ExprWalker.columns(this, scope, l)));
      }
    }
    orderBy(ps.getOrderByElements(), scope, outputs);
    if (ps.getIntoTables() != null) {
      for (Table t : ps.getIntoTables()) {
        out.access(names.table(t), Verb.INSERT);
      }
      out.inferenceFromOutputs(outputs); // values copied into another table leave the masking behind
    }
    return outputs;
  }

  private void rejectExotic(PlainSelect ps) {
    if ((ps.getLateralViews() != null && !ps.getLateralViews().isEmpty()) || ps.getOracleHierarchical() != null
        || ps.getMySqlSelectIntoClause() != null || ps.getIntoTempTable() != null || ps.getKsqlWindow() != null
        || ps.getPreferringClause() != null || ps.getForXmlPath() != null
        || (ps.getWindowDefinitions() != null && !ps.getWindowDefinitions().isEmpty())) {
      throw unsupported("this SELECT clause (lateral view, CONNECT BY, INTO variables, named WINDOW, ...)");
    }
  }

  List<OutputColumn> selectItem(SelectItem<?> item, NameScope scope) {
    Expression e = item.getExpression();
    String alias = item.getAlias() == null ? null : names.fold(item.getAlias().getName(), "column alias");
    if (e instanceof AllTableColumns atc) {
      Table t = atc.getTable();
      String schema = t.getSchemaName() == null ? null : names.fold(t.getSchemaName(), "schema");
      return expand(scope.qualified(schema, names.fold(t.getName(), "table")));
    }
    if (e instanceof AllColumns) {
      List<OutputColumn> all = new ArrayList<>();
      scope.sources().forEach(s -> all.addAll(expand(s)));
      return all;
    }
    if (e instanceof Column c) {
      Resolved r = names.resolve(scope, c);
      String name = alias != null ? alias : names.fold(c.getColumnName(), "column");
      return List.of(new OutputColumn(name, r.sources(), r.direct(), Set.of()));
    }
    Set<ColumnRef> used = ExprWalker.columns(this, scope, e);
    out.inference(used);
    return List.of(new OutputColumn(alias, used, false, Set.of()));
  }

  private static List<OutputColumn> expand(NameScope.Source s) {
    return s.table() != null ? List.of(OutputColumn.star(s.table())) : s.columns();
  }

  void orderBy(@Nullable List<OrderByElement> elements, NameScope scope, List<OutputColumn> outputs) {
    if (elements == null) {
      return;
    }
    for (OrderByElement o : elements) {
      ordinalOrExpression(o.getExpression(), scope, outputs);
    }
  }

  private void ordinalOrExpression(Expression e, NameScope scope, List<OutputColumn> outputs) {
    if (e instanceof LongValue n) {
      long i = n.getValue();
      if (i >= 1 && i <= outputs.size()) {
        out.inferenceFromOutputs(List.of(outputs.get((int) i - 1)));
      } else {
        outputs.forEach(o -> out.inferenceFromOutputs(List.of(o)));
      }
      return;
    }
    if (e instanceof Column c && c.getTable() == null) {
      String name = out.dialect.fold(c.getColumnName());
      for (OutputColumn o : outputs) {
        if (name != null && name.equals(o.name())) {
          out.inference(o.sources()); // ordering by a select-list alias
        }
      }
      if (outputs.stream().anyMatch(o -> name != null && name.equals(o.name()))) {
        out.seen(c);
        return;
      }
    }
    out.inference(ExprWalker.columns(this, scope, e));
  }

  static SqlRejectedException unsupported(String what) {
    return new SqlRejectedException(ReasonCode.SQL_UNPARSEABLE, what + " is not supported by the statement"
        + " analyser, so the statement is refused (fail closed); rewrite it with plain SELECT/INSERT/UPDATE/DELETE");
  }
}
