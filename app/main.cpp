#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("breakout-workstation"));
    QCoreApplication::setOrganizationName(QStringLiteral("BreakoutWorkstation"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BW_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Breakout Workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
