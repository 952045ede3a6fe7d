package io.nhipam.audit;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous half of {@link AuditLog}: a bounded queue drained by one writer thread.
 *
 * <p>{@link #submit} blocks while the queue is full (back-pressure, nothing is dropped). Flush and
 * close travel through the same queue as markers, so they complete only after every event queued
 * before them was handed to the sink. The first failure the log does not tolerate is kept; from
 * then on the writer stops writing (a chain with a silent hole is worse than a refusal), counts
 * what it could not write, and every submit, flush and close throws.
 */
final class AsyncWriter {
  private final BlockingQueue<Object> queue;
  private final AuditSink sink;
  private final AuditLog.FailurePolicy policy;
  private final Thread thread;
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private boolean closed;
  private volatile @Nullable RuntimeException failure;
  private volatile long notWritten;

  private static final class Marker {
    final boolean closing;
    final CountDownLatch done = new CountDownLatch(1);

    Marker(boolean closing) {
      this.closing = closing;
    }
  }

  AsyncWriter(AuditSink sink, int capacity, AuditLog.FailurePolicy policy) {
    this.sink = sink;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.policy = policy;
    this.thread = new Thread(this::run, "nhipam-audit-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  void submit(AuditEvent event) {
    enqueue(event);
  }

  void flush() {
    Marker marker = new Marker(false);
    enqueue(marker);
    try {
      marker.done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditException(
          AuditException.Reason.INTERRUPTED,
          "interrupted while waiting for the audit log to flush; events queued before the flush"
              + " are still being written");
    }
    throwIfFailed();
  }

  void close() {
    Marker marker = new Marker(true);
    gate.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      putUninterruptibly(marker);
    } finally {
      gate.writeLock().unlock();
    }
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    throwIfFailed();
  }

  private void enqueue(Object item) {
    gate.readLock().lock();
    try {
      if (closed) {
        throw new AuditException(
            AuditException.Reason.CLOSED, "the audit log is closed; nothing more can be recorded");
      }
      throwIfFailed();
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditException(
          AuditException.Reason.INTERRUPTED,
          "interrupted while waiting for room in the audit queue; the event was NOT recorded,"
              + " so the operation that needed it must fail");
    } finally {
      gate.readLock().unlock();
    }
  }

  private void throwIfFailed() {
    RuntimeException f = failure;
    if (f != null) {
      throw new AuditException(
          AuditException.Reason.PREVIOUS_FAILURE,
          "an earlier audit write failed (" + f.getMessage() + "); " + notWritten
              + " queued event(s) after it were not written. The audit log refuses further"
              + " records; fix the sink and build a new log.",
          f);
    }
  }

  private void run() {
    while (true) {
      Object item = takeUninterruptibly();
      if (item instanceof AuditEvent) {
        AuditEvent event = (AuditEvent) item;
        if (failure != null) {
          notWritten++;
          continue;
        }
        try {
          sink.write(event);
        } catch (RuntimeException e) {
          if (!policy.tolerate(event, e)) {
            failure = e;
          }
        }
      } else {
        Marker marker = (Marker) item;
        try {
          if (marker.closing) {
            sink.close();
          } else if (failure == null) {
            sink.flush();
          }
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          }
        } finally {
          marker.done.countDown();
        }
        if (marker.closing) {
          return;
        }
      }
    }
  }

  private Object takeUninterruptibly() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // Only close() ends this thread, so that nothing queued is ever abandoned.
      }
    }
  }

  private void putUninterruptibly(Object item) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(item);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
