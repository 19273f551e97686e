/* Fuzz target: config_parse (what config_load runs on a file's bytes) on
 * the input as config.yaml.  Whatever the file holds: no crash or leak, -1
 * exactly when there are errors, every error a clean "file:line:col:
 * message", and every setting left in its bounds (defaults or valid
 * values only). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "inkstone/config.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_values(const struct config *c)
{
	const struct config_option	*o;
	size_t				 i, j, k;
	int				 v;

	for (i = 0; i < config_noptions; i++) {
		o = &config_options[i];
		if (o->type != CONFIG_INT && o->type != CONFIG_BOOL &&
		    o->type != CONFIG_ENUM)
			continue;
		v = *(const int *)(const void *)((const char *)c + o->off);
		if (o->type == CONFIG_INT && (v < o->min || v > o->max))
			abort();
		if (o->type == CONFIG_BOOL && v != 0 && v != 1)
			abort();
		if (o->type == CONFIG_ENUM) {
			for (k = 0; o->choices[k] != NULL; k++)
				;
			if (v < 0 || (size_t)v >= k)
				abort();
		}
	}
	if (c->nentities > CONFIG_NENTITIES || c->keys == NULL)
		abort();
	for (i = 0; i < c->nentities; i++) {
		for (j = 0; j < CONFIG_NENTITIES; j++)
			if (c->entities[i] == config_entity_names[j])
				break;
		if (j == CONFIG_NENTITIES)
			abort();
		for (j = 0; j < i; j++)
			if (c->entities[j] == c->entities[i])
				abort();
	}
	if (c->theme == NULL || c->date_format == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	  c;
	char		**errors;
	size_t		  nerrors, i;
	int		  r;

	config_defaults(&c);
	errors = NULL;
	nerrors = 0;
	r = config_parse("config.yaml", (const char *)data, size, &c, &errors,
	    &nerrors);
	if ((r == 0) != (nerrors == 0) || (r != 0 && r != -1))
		abort();
	for (i = 0; i < nerrors; i++)
		fuzz_check_message(errors[i], "config.yaml");
	check_values(&c);
	config_errors_free(errors, nerrors);
	config_free(&c);
	return 0;
}
