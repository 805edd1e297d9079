/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-bank-matrix.h"
#include "octa-pattern-list.h"
#include "octa-start-page.h"
#include "octa-window.h"

G_BEGIN_DECLS

struct _OctaWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwHeaderBar         *header_bar;
  GtkToggleButton      *sidebar_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwWindowTitle       *window_title;
  AdwSplitButton       *save_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GMenu                *recent_menu;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *main_stack;
  OctaStartPage        *start_page;
  AdwBin               *start_slot;
  GtkLabel             *loading_label;
  GtkSpinner           *loading_spinner;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwBin               *parts_slot;
  AdwBin               *samples_slot;
  AdwBin               *arrangements_slot;
  AdwBin               *project_slot;
  AdwFlap              *sidebar_flap;
  OctaBankMatrix       *bank_matrix;
  GtkLabel             *bank_label;
  OctaPatternList      *pattern_list;
  AdwBin               *header_slot;
  AdwFlap              *inspector_flap;
  AdwBin               *grid_slot;
  AdwBin               *inspector_slot;
  AdwStatusPage        *grid_placeholder;

  /* the step grid, inspector and pattern header, when built in */
  GtkWidget            *step_grid;
  GtkWidget            *step_inspector;
  GtkWidget            *pattern_header;
  GtkStack             *grid_stack;      /* the grid, or why its bank couldn't be read */
  GtkWidget            *bank_problem_page;
  gboolean              pattern_widgets_added;
  guint                 pattern_widgets_idle;

  GSettings            *settings;
  OctaProject          *project;
  OctaPattern          *pattern;
  GSignalGroup         *project_signals;
  GSignalGroup         *history_signals;

  GCancellable         *cancellable;
  guint                 loading_timeout;
  char                 *loading_name;

  /* the demo: shown as "Demo", saved only with Save As */
  char                 *title_override;
  char                 *subtitle_override;
  char                 *temp_dir;
  gboolean              temporary;

  gboolean              saving;
  gboolean              close_after_save;
  gboolean              force_close;
  AdwToast             *toast;

  /* OCTADESK_BENCH_FIRST_FRAME */
  gboolean              bench_armed;
  gint64                bench_frame;

  /* the application icon, set after the first frame with content */
  gboolean              icon_deferred;
  guint                 icon_idle;
  gint64                icon_frame;
};

void      _octa_window_class_actions_init (OctaWindowClass *klass);
void      _octa_window_actions_init       (OctaWindow      *self);
void      _octa_window_update_actions     (OctaWindow      *self);
void      _octa_window_dnd_init           (OctaWindow      *self);
gboolean  _octa_window_open_files         (OctaWindow      *self,
                                           GSList          *files);
void      _octa_window_update_title       (OctaWindow      *self);
void      _octa_window_update_recent_menu (OctaWindow      *self);
void      _octa_window_show_toast         (OctaWindow      *self,
                                           const char      *title,
                                           const char      *button_label,
                                           const char      *action_name);
void      _octa_window_show_error         (OctaWindow      *self,
                                           const char      *heading,
                                           const GError    *error,
                                           gboolean         saving);
char     *_octa_window_describe_error     (const GError    *error,
                                           gboolean         saving);
void      _octa_window_save               (OctaWindow      *self,
                                           gboolean         store);
void      _octa_window_save_as            (OctaWindow      *self);
void      _octa_window_set_temporary      (OctaWindow      *self,
                                           gboolean         temporary);
gboolean  _octa_window_parse_pattern      (const char      *text,
                                           guint            current_bank,
                                           guint            current_pattern,
                                           guint           *bank,
                                           guint           *pattern);

G_END_DECLS
