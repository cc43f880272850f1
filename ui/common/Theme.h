#pragma once

#include <QColor>
#include <QPalette>

namespace bw::ui {

enum class ThemeMode { Dark, Light };

// The workstation's two palettes. Trading colours (up/down) are part of the theme so that every view
// uses the same green and red.
class Theme final
{
public:
    static void apply(ThemeMode mode);
    static ThemeMode current();

    static QPalette palette(ThemeMode mode);
    static QColor up();
    static QColor down();
    static QColor neutral();
    static QColor warning();
    static QColor critical();
};

} // namespace bw::ui
