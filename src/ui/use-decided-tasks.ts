import { useEffect, useRef } from 'react';
import { taskOutcome, type Task } from '../domain/task';
import { taskRow, type TaskRow } from '../domain/task-rows';

/**
 * A screen's decided tasks as they settle: `onDecided` is called once for each, when it is the task the
 * screen's notice announced (its outcome replaces that notice) or when it failed (a failure is said whenever
 * it comes). Tasks already decided when the screen opened (an earlier page) are in "This session" only.
 */
export function useDecidedTasks(
  tasks: Task[],
  screen: Task['screen'],
  announced: string | null,
  onDecided: (task: Task, row: TaskRow) => void,
) {
  const reported = useRef<Set<string> | null>(null);
  const decided = useRef(onDecided);
  useEffect(() => {
    decided.current = onDecided;
  });
  useEffect(() => {
    const decidedNow = tasks.filter((t) => t.screen === screen && taskOutcome(t).kind !== 'working');
    reported.current ??= new Set(decidedNow.filter((t) => t.id !== announced).map((t) => t.id));
    for (const task of decidedNow) {
      if (reported.current.has(task.id)) continue;
      reported.current.add(task.id);
      const row = taskRow(task);
      if (row.state !== 'failed' && task.id !== announced) continue;
      decided.current(task, row);
    }
  }, [tasks, screen, announced]);
}
