<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>SimulatedFeedConfig</name>
    <message>
        <source>simulated market: symbols must be between 1 and %1, got %2</source>
        <translation>simulierter Markt: symbols muss zwischen 1 und %1 liegen, ist %2</translation>
    </message>
    <message>
        <source>simulated market: barIntervalMs must be between 1000 and 86400000, got %1</source>
        <translation>simulierter Markt: barIntervalMs muss zwischen 1000 und 86400000 liegen, ist %1</translation>
    </message>
    <message>
        <source>simulated market: speedUp must be a positive number, got %1</source>
        <translation>simulierter Markt: speedUp muss eine positive Zahl sein, ist %1</translation>
    </message>
    <message>
        <source>simulated market: backfillBars must be between 0 and 100000, got %1</source>
        <translation>simulierter Markt: backfillBars muss zwischen 0 und 100000 liegen, ist %1</translation>
    </message>
    <message>
        <source>simulated market: ticksPerBar must be between 1 and 1000, got %1</source>
        <translation>simulierter Markt: ticksPerBar muss zwischen 1 und 1000 liegen, ist %1</translation>
    </message>
</context>
<context>
    <name>bw::AppOptionsParser</name>
    <message>
        <source>invalid value &apos;%1&apos; for --%2: %3</source>
        <translation>ungültiger Wert &apos;%1&apos; für --%2: %3</translation>
    </message>
    <message>
        <source>Breakout scanner, paper trader and self-monitoring workstation for crypto perpetuals.
Without a command it opens the desktop workstation on the embedded simulated market.</source>
        <translation>Breakout-Scanner, Papierhandel und selbstüberwachende Arbeitsstation für Krypto-Perpetuals.
Ohne Befehl öffnet sie die Desktop-Arbeitsstation auf dem eingebauten simulierten Markt.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Run without a window and print a status line each second.</source>
        <translation>Ohne Fenster laufen und jede Sekunde eine Statuszeile ausgeben.</translation>
    </message>
    <message>
        <source>Number of simulated symbols (1 to %1, default %2).</source>
        <translation>Anzahl simulierter Symbole (1 bis %1, Standard %2).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seed of the simulated market (default %1).</source>
        <translation>Startwert des simulierten Markts (Standard %1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Bar interval of the simulated market: 30s, 1m, 5m, 1h (default 5m).</source>
        <translation>Kerzenintervall des simulierten Markts: 30s, 1m, 5m, 1h (Standard 5m).</translation>
    </message>
    <message>
        <source>INTERVAL</source>
        <translation>INTERVALL</translation>
    </message>
    <message>
        <source>Speed-up of simulated time against real time (default: the simulation&apos;s own).</source>
        <translation>Zeitraffer der simulierten Zeit gegenüber der Echtzeit (Standard: der der Simulation).</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Colour theme: dark (default) or light.</source>
        <translation>Farbschema: dark (dunkel, Standard) oder light (hell).</translation>
    </message>
    <message>
        <source>THEME</source>
        <translation>SCHEMA</translation>
    </message>
    <message>
        <source>Language of the user interface: en, de (default: the system&apos;s).</source>
        <translation>Sprache der Oberfläche: en, de (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>Headless without a terminal: print the status line every S seconds (default %1).</source>
        <translation>Ohne Fenster und ohne Terminal: die Statuszeile alle S Sekunden ausgeben (Standard %1).</translation>
    </message>
    <message>
        <source>Save a picture of the main window and quit.</source>
        <translation>Ein Bild des Hauptfensters speichern und beenden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Delay before the screenshot.</source>
        <translation>Wartezeit vor dem Bildschirmfoto.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a whole number from 1 to %1</source>
        <translation>erwartet wird eine ganze Zahl von 1 bis %1</translation>
    </message>
    <message>
        <source>expected a non-negative whole number</source>
        <translation>erwartet wird eine nicht negative ganze Zahl</translation>
    </message>
    <message>
        <source>expected a duration from 1s to 1d such as 30s, 1m, 5m, 1h</source>
        <translation>erwartet wird eine Dauer von 1s bis 1d wie 30s, 1m, 5m, 1h</translation>
    </message>
    <message>
        <source>expected a number above 0 and at most %1</source>
        <translation>erwartet wird eine Zahl größer als 0 und höchstens %1</translation>
    </message>
    <message>
        <source>expected dark or light</source>
        <translation>erwartet wird dark oder light</translation>
    </message>
    <message>
        <source>expected a language code such as en or de</source>
        <translation>erwartet wird ein Sprachkürzel wie en oder de</translation>
    </message>
    <message>
        <source>expected a whole number of seconds from 1 to 3600</source>
        <translation>erwartet wird eine ganze Zahl von Sekunden von 1 bis 3600</translation>
    </message>
    <message>
        <source>expected a file name</source>
        <translation>erwartet wird ein Dateiname</translation>
    </message>
    <message>
        <source>expected milliseconds from 0 to 600000</source>
        <translation>erwartet werden Millisekunden von 0 bis 600000</translation>
    </message>
    <message>
        <source>--screenshot needs the desktop window and cannot be combined with --headless</source>
        <translation>--screenshot braucht das Desktop-Fenster und lässt sich nicht mit --headless kombinieren</translation>
    </message>
</context>
<context>
    <name>bw::NumberFormat</name>
    <message>
        <source>%1 T</source>
        <translation>%1 Bio.</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1 K</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1 B</source>
        <comment>bytes</comment>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>bw::SimulatedFeed</name>
    <message>
        <source>Simulated market (%1 symbols, seed %2)</source>
        <translation>Simulierter Markt (%1 Symbole, Startwert %2)</translation>
    </message>
</context>
<context>
    <name>bw::StatusLine</name>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1 bar %2, closes in %3</source>
        <translation>%1-Kerze %2, schließt in %3</translation>
    </message>
    <message>
        <source>1 symbol</source>
        <translation>1 Symbol</translation>
    </message>
    <message>
        <source>%1 symbols</source>
        <translation>%1 Symbole</translation>
    </message>
    <message>
        <source>top %1 %2</source>
        <translation>stärkster %1 %2</translation>
    </message>
    <message>
        <source>bottom %1 %2</source>
        <translation>schwächster %1 %2</translation>
    </message>
    <message>
        <source>store %1</source>
        <translation>Speicher %1</translation>
    </message>
    <message>
        <source>RSS %1</source>
        <translation>RSS %1</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>loading history %1 %</source>
        <translation>lade Historie %1 %</translation>
    </message>
</context>
<context>
    <name>bw::app::DefaultMode</name>
    <message>
        <source>Stopped (signal %1).</source>
        <translation>Beendet (Signal %1).</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto kann nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &apos;breakout-workstation COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>&apos;breakout-workstation BEFEHL --help&apos; zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>This build has no desktop window; running headless.</source>
        <translation>Diese Version hat kein Desktop-Fenster; sie läuft ohne Fenster.</translation>
    </message>
    <message>
        <source>Run &apos;breakout-workstation --help&apos; for the options.</source>
        <translation>&apos;breakout-workstation --help&apos; zeigt die Optionen.</translation>
    </message>
    <message>
        <source>no translation for language &apos;%1&apos; (available: %2)</source>
        <translation>keine Übersetzung für die Sprache &apos;%1&apos; (vorhanden: %2)</translation>
    </message>
    <message>
        <source>no display found (DISPLAY and WAYLAND_DISPLAY are not set); start it with --headless for the status line on the terminal</source>
        <translation>keine Anzeige gefunden (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); mit --headless starten, um die Statuszeile im Terminal zu sehen</translation>
    </message>
</context>
<context>
    <name>bw::ui::MainWindow</name>
    <message>
        <source>Breakout Workstation</source>
        <translation>Breakout Workstation</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Filter symbols (e.g. BTC)</source>
        <translation>Symbole filtern (z. B. BTC)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>&amp;Dunkles Farbschema</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>&amp;Helles Farbschema</translation>
    </message>
    <message>
        <source>&amp;Reset column widths</source>
        <translation>&amp;Spaltenbreiten zurücksetzen</translation>
    </message>
    <message>
        <source>Waiting for market data…</source>
        <translation>Warte auf Marktdaten…</translation>
    </message>
    <message>
        <source>Breakout Workstation — %1</source>
        <translation>Breakout Workstation — %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>Market time %1</source>
        <translation>Marktzeit %1</translation>
    </message>
    <message>
        <source>Store %1</source>
        <translation>Speicher %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>bw::ui::MarketHeader</name>
    <message>
        <source>Market time (UTC)</source>
        <translation>Marktzeit (UTC)</translation>
    </message>
    <message>
        <source>Forming bar</source>
        <translation>Laufende Kerze</translation>
    </message>
    <message>
        <source>Closes in</source>
        <translation>Schließt in</translation>
    </message>
    <message>
        <source>Advancing / declining</source>
        <translation>Steigend / fallend</translation>
    </message>
    <message>
        <source>Loading history</source>
        <translation>Historie wird geladen</translation>
    </message>
    <message>
        <source>Forming %1 bar</source>
        <translation>Laufende %1-Kerze</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>bw::ui::MarketTableModel</name>
    <message>
        <source>%1: no update for a while; the values may be old.</source>
        <translation>%1: seit einer Weile keine Aktualisierung; die Werte können veraltet sein.</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Last price</source>
        <translation>Letzter Kurs</translation>
    </message>
    <message>
        <source>24h change</source>
        <translation>24h-Änderung</translation>
    </message>
    <message>
        <source>24h volume</source>
        <translation>24h-Volumen</translation>
    </message>
    <message>
        <source>Spread (bps)</source>
        <translation>Spread (bps)</translation>
    </message>
    <message>
        <source>Trades/min</source>
        <translation>Trades/min</translation>
    </message>
    <message>
        <source>Perpetual contract</source>
        <translation>Perpetual-Kontrakt</translation>
    </message>
    <message>
        <source>Last traded price in the quote currency</source>
        <translation>Zuletzt gehandelter Kurs in der Kurswährung</translation>
    </message>
    <message>
        <source>Price change over the last 24 hours</source>
        <translation>Kursänderung der letzten 24 Stunden</translation>
    </message>
    <message>
        <source>Turnover over the last 24 hours in the quote currency (USDT)</source>
        <translation>Umsatz der letzten 24 Stunden in der Kurswährung (USDT)</translation>
    </message>
    <message>
        <source>Best ask minus best bid, in basis points of the mid price</source>
        <translation>Bester Brief- minus bester Geldkurs, in Basispunkten des Mittelkurses</translation>
    </message>
    <message>
        <source>Trades per minute, from the trade counts of recent bars</source>
        <translation>Trades pro Minute, aus den Handelszahlen der letzten Kerzen</translation>
    </message>
</context>
</TS>
