#include "common/Theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace bw::ui {

namespace {
ThemeMode g_mode = ThemeMode::Dark;
}

QPalette Theme::palette(ThemeMode mode)
{
    QPalette p;
    if (mode == ThemeMode::Dark) {
        const QColor window(0x1e, 0x21, 0x27);
        const QColor base(0x16, 0x18, 0x1d);
        const QColor text(0xdc, 0xdf, 0xe4);
        const QColor highlight(0x2f, 0x6f, 0xd6);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(0x1b, 0x1e, 0x24));
        p.setColor(QPalette::ToolTipBase, window);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x36));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, Qt::white);
        p.setColor(QPalette::Highlight, highlight);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x5a, 0x9b, 0xf5));
        p.setColor(QPalette::PlaceholderText, QColor(0x7a, 0x80, 0x8a));
        p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x48));
        p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x18));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6a, 0x70, 0x7a));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6a, 0x70, 0x7a));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6a, 0x70, 0x7a));
    } else {
        p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    }
    return p;
}

void Theme::apply(ThemeMode mode)
{
    g_mode = mode;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(palette(mode));
    // A widget with a style sheet resolves palette(...) references once, when the sheet is applied; give
    // each its sheet again so that a table switched to the light theme does not keep a dark base.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        const QString sheet = widget->styleSheet();
        if (!sheet.isEmpty()) {
            widget->setStyleSheet(QString());
            widget->setStyleSheet(sheet);
        }
    }
}

ThemeMode Theme::current()
{
    return g_mode;
}

QColor Theme::up()
{
    return g_mode == ThemeMode::Dark ? QColor(0x26, 0xc2, 0x81) : QColor(0x0f, 0x8a, 0x55);
}

QColor Theme::down()
{
    return g_mode == ThemeMode::Dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
}

QColor Theme::neutral()
{
    return g_mode == ThemeMode::Dark ? QColor(0x9a, 0xa0, 0xaa) : QColor(0x60, 0x66, 0x70);
}

QColor Theme::warning()
{
    return QColor(0xf0, 0xa2, 0x02);
}

QColor Theme::critical()
{
    return QColor(0xe5, 0x39, 0x35);
}

} // namespace bw::ui
