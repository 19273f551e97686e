/* indexer: keeps the reader's library fresh without making it wait.  The
 * first frame is drawn from the index cache as it stands; a thread then
 * rescans the folder against that same index (read only: the reader
 * leaves it alone until the thread is done) and parses what is new or
 * changed (the whole library on a cold start) into a new index, while the
 * reader stays usable.  Nothing is built when nothing changed, so a warm
 * start holds one library, not two.  The loop wakes on the thread's pipe,
 * shows its progress, and adopts the new library (ui_adopt_library). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pane.h"
#include "inkstone/entity.h"
#include "inkstone/util.h"

struct indexer {
	pthread_t		 thread;
	int			 fd[2];	/* the thread writes, the loop reads */
	char			*root;
	char			*cache;		/* the index file, or NULL */
	const struct libindex	*old;		/* the reader's, or NULL */
	char			*cache_dir;
	char			*data_dir;	/* --data-dir, or NULL */
	atomic_int		 stop;
	atomic_size_t		 done;
	atomic_size_t		 total;
	atomic_int		 finished;
	uint64_t		 last_ns;	/* the thread's last wake-up */

	/* Written by the thread before finished is set. */
	struct library		*lib;	/* the fresh library, or NULL */
	int			 changed;
	char			*cause;
};

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void
wake(struct indexer *ix)
{
	char	c = 0;

	/* Full pipe: the loop has a wake-up pending already. */
	while (write(ix->fd[1], &c, 1) == -1 && errno == EINTR)
		;
}

static void
progress(size_t done, size_t total, void *arg)
{
	struct indexer	*ix = arg;
	uint64_t	 t = now_ns();

	atomic_store(&ix->done, done);
	atomic_store(&ix->total, total);
	/* Ten redraws a second are plenty for a progress bar. */
	if (t - ix->last_ns >= 100000000u) {
		ix->last_ns = t;
		wake(ix);
	}
}

static void *
run(void *arg)
{
	struct indexer		*ix = arg;
	struct library_opts	 o;
	struct entity_db	*db;
	struct libindex		*fresh;
	char			*cause = NULL;
	int			 status;

	memset(&o, 0, sizeof o);
	o.cache_dir = ix->cache_dir;
	o.no_refresh = 1;
	o.progress = progress;
	o.arg = ix;
	o.stop = &ix->stop;
	/* An entity db of its own: the reader's may be reloaded meanwhile. */
	if ((db = entity_db_load_default(ix->data_dir, &cause)) == NULL) {
		free(cause);
		cause = NULL;
	}
	o.db = db;
	fresh = library_index_update(ix->root, ix->cache, ix->old, &o,
	    &status, &cause);
	if (fresh != NULL)
		ix->lib = library_over_index(ix->root, ix->cache, fresh);
	ix->changed = fresh != NULL;
	ix->cause = cause;
	if (db != NULL)
		entity_db_free(db);
	atomic_store(&ix->finished, 1);
	wake(ix);
	return NULL;
}

struct indexer *
indexer_start(const struct library *lib, const char *data_dir)
{
	struct indexer	*ix;
	int		 i;

	ix = xcalloc(1, sizeof *ix);
	if (pipe(ix->fd) == -1) {
		free(ix);
		return NULL;
	}
	for (i = 0; i < 2; i++) {
		fcntl(ix->fd[i], F_SETFD, FD_CLOEXEC);
		fcntl(ix->fd[i], F_SETFL, O_NONBLOCK);
	}
	ix->root = xstrdup(lib->root);
	ix->cache = lib->cache != NULL ? xstrdup(lib->cache) : NULL;
	ix->old = lib->index;
	ix->cache_dir = util_cache_dir();
	ix->data_dir = data_dir != NULL ? xstrdup(data_dir) : NULL;
	atomic_init(&ix->stop, 0);
	atomic_init(&ix->done, 0);
	atomic_init(&ix->total, 0);
	atomic_init(&ix->finished, 0);
	if (pthread_create(&ix->thread, NULL, run, ix) != 0) {
		close(ix->fd[0]);
		close(ix->fd[1]);
		free(ix->root);
		free(ix->cache);
		free(ix->cache_dir);
		free(ix->data_dir);
		free(ix);
		return NULL;
	}
	return ix;
}

int
indexer_fd(const struct indexer *ix)
{
	return ix->fd[0];
}

void
indexer_progress(struct indexer *ix, size_t *done, size_t *total)
{
	*done = atomic_load(&ix->done);
	*total = atomic_load(&ix->total);
}

/* Drains the pipe; 1 if the thread has finished. */
int
indexer_poll(struct indexer *ix)
{
	char	buf[64];

	while (read(ix->fd[0], buf, sizeof buf) > 0)
		;
	return atomic_load(&ix->finished);
}

struct library *
indexer_finish(struct indexer *ix, int *changed, char **cause)
{
	struct library	*lib;

	atomic_store(&ix->stop, 1);
	pthread_join(ix->thread, NULL);
	close(ix->fd[0]);
	close(ix->fd[1]);
	lib = ix->lib;
	*changed = ix->changed;
	*cause = ix->cause;
	free(ix->root);
	free(ix->cache);
	free(ix->cache_dir);
	free(ix->data_dir);
	free(ix);
	return lib;
}
