/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

int       octa_test_gtk_check_display      (void);
void      octa_test_gtk_init               (int          *argc,
                                            char       ***argv);
void      octa_test_gtk_disable_animations (void);
void      octa_test_gtk_flush              (void);
void      octa_test_gtk_wait_for_draw      (GtkWidget    *widget);
gboolean  octa_test_gtk_wait_until         (gboolean    (*condition) (gpointer data),
                                            gpointer      data,
                                            guint         timeout_ms);
char     *octa_test_gtk_screenshot         (GtkWidget    *widget,
                                            const char   *name);
char     *octa_test_gtk_screenshot_scaled  (GtkWidget    *widget,
                                            const char   *name,
                                            int           scale);
GtkWindow *octa_test_gtk_find_transient    (GtkWindow    *parent,
                                            GType         type);
void      octa_test_gtk_collect            (GtkWidget    *root,
                                            GType         type,
                                            GPtrArray    *found);
GtkWidget *octa_test_gtk_find              (GtkWidget    *root,
                                            GType         type,
                                            guint         nth);
gboolean  octa_test_gtk_send_key           (GtkWidget    *widget,
                                            guint         keyval,
                                            GdkModifierType mods);

/**
 * OCTA_TEST_GTK_MAIN_PROLOGUE:
 *
 * The start of every UI test's main(): without a display the test is
 * skipped (or fails when OCTA_REQUIRE_DISPLAY=1), then GTK is set up.
 */
#define OCTA_TEST_GTK_MAIN_PROLOGUE(argc, argv)                   \
  G_STMT_START {                                                  \
    int octa_display_status_ = octa_test_gtk_check_display ();    \
    if (octa_display_status_ >= 0)                                \
      return octa_display_status_;                                \
    octa_test_gtk_init (&(argc), &(argv));                        \
  } G_STMT_END

G_END_DECLS
