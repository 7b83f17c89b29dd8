// libedit's readline-compatible interface. Its globals that Swift imports awkwardly
// (function-pointer hooks, variadic helpers) get small setters here.
#ifndef JNB_CEDITLINE_SHIM_H
#define JNB_CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

// Everything the line reader sets before the first readline(): the program name, its own
// character reader, the completion hook and the characters that end a completed word.
// Signal handling stays with the program (rl_catch_signals = 0).
static inline void jnb_rl_configure(const char *name, const char *word_breaks,
                                    int (*getc_function)(FILE *),
                                    rl_completion_func_t *completion) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_getc_function = getc_function;
    rl_attempted_completion_function = completion;
    rl_basic_word_break_characters = word_breaks;
    rl_completer_word_break_characters = (char *)word_breaks;
}

// Called from the completion hook: no fallback to file-name completion, and nothing typed
// after a single match (the hook's match carries what should follow it).
static inline void jnb_rl_completion_done(void) {
    rl_attempted_completion_over = 1;
    rl_completion_append_character = 0;
}

// The line being edited (valid inside the completion hook).
static inline const char *jnb_rl_line_buffer(void) {
    return rl_line_buffer;
}

#endif
