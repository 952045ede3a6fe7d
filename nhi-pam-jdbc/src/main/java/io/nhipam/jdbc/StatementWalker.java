package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import org.jspecify.annotations.Nullable;

/**
 * Walks whole statements: SELECT, INSERT (with SELECT, ON CONFLICT, RETURNING), UPDATE (with
 * FROM, RETURNING), DELETE (with USING, RETURNING), MERGE, TRUNCATE, CALL/EXEC; any other kind of
 * statement needs the privileged scope {@code db:statement:<kind>}, the kind being the parser's
 * statement class in lower case without a {@code Statement} suffix ({@code createtable},
 * {@code drop}, {@code alter}, {@code set}, {@code explain}, {@code lock}, ...).
 */
final class StatementWalker {
  private final QueryWalker q;

  StatementWalker(QueryWalker q) {
    this.q = q;
  }

  List<OutputColumn> statement(Statement st, NameScope root) {
    if (st instanceof Select s) {
      return q.select(s, root);
    }
    if (st instanceof Insert i) {
      return insert(i, root);
    }
    if (st instanceof Update u) {
      return update(u, root);
    }
    if (st instanceof Delete d) {
      return delete(d, root);
    }
    if (st instanceof Merge m) {
      return merge(m, root);
    }
    if (st instanceof Truncate t) {
      q.out.access(q.names.table(t.getTable()), Verb.DELETE);
      if (t.getTables() != null) {
        t.getTables().forEach(x -> q.out.access(q.names.table(x), Verb.DELETE));
      }
      return List.of();
    }
    if (st instanceof Execute e) {
      return execute(e, root);
    }
    String kind = st.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    if (kind.endsWith("statement") && kind.length() > "statement".length()) {
      kind = kind.substring(0, kind.length() - "statement".length()); // SetStatement -> set
    }
    q.out.privileged("db:statement:" + kind);
    return List.of();
  }

  List<OutputColumn> dataModifyingCte(@Nullable Object body, NameScope level) {
    if (body instanceof ParenthesedInsert i) {
      return insert(i.getInsert(), level);
    }
    if (body instanceof ParenthesedUpdate u) {
      return update(u.getUpdate(), level);
    }
    if (body instanceof ParenthesedDelete d) {
      return delete(d.getDelete(), level);
    }
    throw QueryWalker.unsupported("this WITH item");
  }

  private List<OutputColumn> insert(Insert ins, NameScope root) {
    if (ins.getOutputClause() != null || ins.isOracleMultiInsert() || ins.getSetUpdateSets() != null) {
      throw QueryWalker.unsupported("this form of INSERT");
    }
    NameScope level = new NameScope(root);
    q.withItems(ins.getWithItemsList(), level);
    TableRef target = q.names.table(ins.getTable());
    q.out.access(target, Verb.INSERT);
    if (ins.getColumns() != null) {
      q.out.seenAll(ins.getColumns());
    }
    if (ins.getSelect() != null) {
      q.out.inferenceFromOutputs(q.select(ins.getSelect(), level)); // copied into the target
    }
    NameScope targetScope = targetScope(level, ins.getTable(), target);
    if (ins.getConflictAction() != null) {
      targetScope.add(new NameScope.Source(q.names.fold("excluded", "alias"), null, target, List.of()));
      if (ins.getConflictAction().getUpdateSets() != null && !ins.getConflictAction().getUpdateSets().isEmpty()) {
        q.out.access(target, Verb.UPDATE);
        updateSets(ins.getConflictAction().getUpdateSets(), targetScope);
      }
      q.out.inference(ExprWalker.columns(q, targetScope, ins.getConflictAction().getWhereExpression()));
    }
    if (ins.getDuplicateUpdateSets() != null && !ins.getDuplicateUpdateSets().isEmpty()) {
      q.out.access(target, Verb.UPDATE);
      updateSets(ins.getDuplicateUpdateSets(), targetScope);
    }
    return returning(ins.getReturningClause(), targetScope, target);
  }

  private List<OutputColumn> update(Update u, NameScope root) {
    if (u.getOutputClause() != null) {
      throw QueryWalker.unsupported("this form of UPDATE");
    }
    NameScope level = new NameScope(root);
    q.withItems(u.getWithItemsList(), level);
    TableRef target = q.names.table(u.getTable());
    q.out.access(target, Verb.UPDATE);
    NameScope scope = targetScope(level, u.getTable(), target);
    q.from.joins(u.getStartJoins(), scope);
    if (u.getFromItem() != null) {
      q.from.fromItem(u.getFromItem(), scope);
    }
    q.from.joins(u.getJoins(), scope);
    updateSets(u.getUpdateSets(), scope);
    q.out.inference(ExprWalker.columns(q, scope, u.getWhere()));
    q.orderBy(u.getOrderByElements(), scope, List.of());
    return returning(u.getReturningClause(), scope, target);
  }

  private List<OutputColumn> delete(Delete d, NameScope root) {
    if (d.getOutputClause() != null || (d.getTables() != null && !d.getTables().isEmpty())) {
      throw QueryWalker.unsupported("this form of DELETE");
    }
    NameScope level = new NameScope(root);
    q.withItems(d.getWithItemsList(), level);
    TableRef target = q.names.table(d.getTable());
    q.out.access(target, Verb.DELETE);
    NameScope scope = targetScope(level, d.getTable(), target);
    if (d.getUsingFromItemList() != null) {
      for (FromItem f : d.getUsingFromItemList()) {
        q.from.fromItem(f, scope);
      }
    }
    q.from.joins(d.getJoins(), scope);
    q.out.inference(ExprWalker.columns(q, scope, d.getWhere()));
    q.orderBy(d.getOrderByElements(), scope, List.of());
    return returning(d.getReturningClause(), scope, target);
  }

  private List<OutputColumn> merge(Merge m, NameScope root) {
    if (m.getOutputClause() != null) {
      throw QueryWalker.unsupported("MERGE ... OUTPUT");
    }
    NameScope level = new NameScope(root);
    q.withItems(m.getWithItemsList(), level);
    TableRef target = q.names.table(m.getTable());
    NameScope scope = targetScope(level, m.getTable(), target);
    FromItem source = m.getFromItem();
    if (source == null) {
      throw QueryWalker.unsupported("MERGE without a USING source");
    }
    q.from.fromItem(source, scope);
    q.out.inference(ExprWalker.columns(q, scope, m.getOnCondition()));
    List<MergeOperation> ops = m.getOperations() == null ? List.of() : m.getOperations();
    if (ops.isEmpty()) {
      throw QueryWalker.unsupported("MERGE without WHEN clauses");
    }
    for (MergeOperation op : ops) {
      if (op instanceof MergeInsert mi) {
        if (mi.getColumns() != null) {
          q.out.seenAll(mi.getColumns());
        }
        q.out.access(target, Verb.INSERT);
        q.out.inference(ExprWalker.columns(q, scope, mi.getAndPredicate()));
        q.out.inference(ExprWalker.columns(q, scope, mi.getValues()));
        q.out.inference(ExprWalker.columns(q, scope, mi.getWhereCondition()));
      } else if (op instanceof MergeUpdate mu) {
        q.out.access(target, Verb.UPDATE);
        q.out.inference(ExprWalker.columns(q, scope, mu.getAndPredicate()));
        updateSets(mu.getUpdateSets(), scope);
        q.out.inference(ExprWalker.columns(q, scope, mu.getWhereCondition()));
        if (mu.getDeleteWhereCondition() != null) {
          q.out.access(target, Verb.DELETE);
          q.out.inference(ExprWalker.columns(q, scope, mu.getDeleteWhereCondition()));
        }
      } else if (op instanceof MergeDelete md) {
        q.out.access(target, Verb.DELETE);
        q.out.inference(ExprWalker.columns(q, scope, md.getAndPredicate()));
      } else {
        throw QueryWalker.unsupported("MERGE operation " + op.getClass().getSimpleName());
      }
    }
    return returning(m.getReturningClause(), scope, target);
  }

  private List<OutputColumn> execute(Execute e, NameScope root) {
    String[] parts = e.getName().split("\\.", -1);
    if (parts.length > 2) {
      throw new SqlRejectedException(ReasonCode.SQL_FORBIDDEN, "procedure " + Identifiers.printable(e.getName())
          + " names a catalog; call schema.procedure");
    }
    String name = q.names.fold(parts[parts.length - 1], "procedure");
    String schema = parts.length == 2 ? q.names.fold(parts[0], "schema") : q.out.schema;
    if (!Identifiers.isScopeSafe(schema) || !Identifiers.isScopeSafe(name)) {
      throw new SqlRejectedException(ReasonCode.SQL_FORBIDDEN, "procedure " + Identifiers.printable(e.getName())
          + " cannot be named in a scope");
    }
    q.out.privileged("db:" + schema + "." + name + ":execute");
    q.out.inference(ExprWalker.columns(q, root, e.getExprList()));
    return List.of();
  }

  private NameScope targetScope(NameScope level, Table table, TableRef target) {
    NameScope scope = new NameScope(level);
    Alias alias = table.getAlias();
    String name = alias != null && alias.getName() != null ? q.names.fold(alias.getName(), "alias") : target.table();
    scope.add(new NameScope.Source(name, alias != null ? null : target.schema(), target, List.of()));
    return scope;
  }

  private void updateSets(@Nullable List<UpdateSet> sets, NameScope scope) {
    if (sets == null) {
      return;
    }
    for (UpdateSet s : sets) {
      q.out.seenAll(s.getColumns()); // target columns: names, not reads
      // a value written into a table is a value the writer may later read unmasked
      q.out.inference(ExprWalker.columns(q, scope, s.getValues()));
    }
  }

  private List<OutputColumn> returning(@Nullable ReturningClause returning, NameScope scope, TableRef target) {
    if (returning == null || returning.isEmpty()) {
      return List.of();
    }
    if (returning.getDataItems() != null && !returning.getDataItems().isEmpty()) {
      throw QueryWalker.unsupported("RETURNING ... INTO");
    }
    q.out.access(target, Verb.SELECT);
    List<OutputColumn> outputs = new ArrayList<>();
    for (SelectItem<?> item : returning) {
      outputs.addAll(q.selectItem(item, scope));
    }
    return outputs;
  }
}
