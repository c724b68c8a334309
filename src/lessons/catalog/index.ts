import type { Lesson } from '../types';
import { lesson1 } from './lesson1';
import { lesson2 } from './lesson2';
import { lesson3 } from './lesson3';
import { lesson4 } from './lesson4';
import { lesson5 } from './lesson5';
import { lesson6 } from './lesson6';
import { lesson7 } from './lesson7';
import { lesson8 } from './lesson8';

/** The shipped lessons, in order: links say lesson=N for LESSONS[N - 1]. */
export const LESSONS: readonly Lesson[] = [
  lesson1,
  lesson2,
  lesson3,
  lesson4,
  lesson5,
  lesson6,
  lesson7,
  lesson8,
];

/** The lesson a link's 1-based number names, or null when there is none. */
export function lessonByNumber(n: number): Lesson | null {
  return Number.isInteger(n) && n >= 1 && n <= LESSONS.length ? (LESSONS[n - 1] as Lesson) : null;
}

/** The lesson with this id, or null. */
export function lessonById(id: string): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
