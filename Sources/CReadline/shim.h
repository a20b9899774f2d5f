#ifndef VALLEY_CREADLINE_SHIM_H
#define VALLEY_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Readline's configuration lives in C globals, which Swift 6 refuses to touch
   directly; these helpers set and read them from C instead. */

/* Names the program for ~/.inputrc conditionals. Readline keeps the pointer, so
   the name is copied (once per process; the copy is never freed). */
static inline void valley_rl_configure(const char *name) {
  rl_readline_name = strdup(name);
}

/* Installs the Tab completion hook and the characters that end a word: a ':' is
   part of a command name, and '(' ',' ')' separate predicate names. Readline's own
   signal handlers are turned off: the program's SIGINT handler only sets a flag,
   and the line reader checks it between keys. */
static inline void valley_rl_set_completion(rl_completion_func_t *complete) {
  rl_attempted_completion_function = complete;
  rl_basic_word_break_characters = " \t\n\"'(),;=<>!{}+-*/|\\";
  /* A word that starts after '"' is quoted: completing a file name after
     `:load "` then closes the quote. */
  rl_completer_quote_characters = "\"";
  rl_catch_signals = 0;
}

/* The character put after a single completed word (0: none). Readline resets it
   to ' ' before every completion, so it is set during each one. */
static inline void valley_rl_completion_append(int character) {
  rl_completion_append_character = character;
}

/* Tells readline not to fall back to file-name completion after `complete`. */
static inline void valley_rl_completion_over(void) {
  rl_attempted_completion_over = 1;
}

/* The text of the line being edited (valid during a completion call). */
static inline const char *valley_rl_line_buffer(void) {
  return rl_line_buffer;
}

#endif
