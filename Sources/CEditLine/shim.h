// libedit's readline-compatible interface. Its globals that Swift imports awkwardly
// (function-pointer hooks, variadic helpers) get small setters here.
#ifndef JNB_CEDITLINE_SHIM_H
#define JNB_CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

#endif
