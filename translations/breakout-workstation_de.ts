<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CandleFileReader</name>
    <message>
        <source>the folder holds no *.csv or *.jsonl files</source>
        <translation>der Ordner enthält keine *.csv- oder *.jsonl-Dateien</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>cannot be opened: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>is neither a .csv nor a .jsonl file</source>
        <translation>ist weder eine .csv- noch eine .jsonl-Datei</translation>
    </message>
    <message>
        <source>the file name does not give a valid symbol (1 to 40 of A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>der Dateiname ergibt kein gültiges Symbol (1 bis 40 Zeichen aus A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</translation>
    </message>
    <message>
        <source>reading was cancelled</source>
        <translation>das Lesen wurde abgebrochen</translation>
    </message>
    <message>
        <source>the line is longer than %1 bytes</source>
        <translation>die Zeile ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>is not a text file (it contains NUL bytes)</source>
        <translation>ist keine Textdatei (sie enthält NUL-Bytes)</translation>
    </message>
    <message>
        <source>the line contains binary data</source>
        <translation>die Zeile enthält Binärdaten</translation>
    </message>
    <message>
        <source>the metadata of %1 differs from an earlier file</source>
        <translation>die Metadaten von %1 weichen von einer früheren Datei ab</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>has no header row</source>
        <translation>hat keine Kopfzeile</translation>
    </message>
    <message>
        <source>has a header but no bars</source>
        <translation>hat eine Kopfzeile, aber keine Kerzen</translation>
    </message>
    <message>
        <source>metadata %1 &quot;%2&quot; is not a valid asset name</source>
        <translation>Metadatum %1 &quot;%2&quot; ist kein gültiger Asset-Name</translation>
    </message>
    <message>
        <source>unknown metadata key &quot;%1&quot; (known: base, quote, tick_size, lot_size, min_notional)</source>
        <translation>unbekannter Metadaten-Schlüssel &quot;%1&quot; (bekannt: base, quote, tick_size, lot_size, min_notional)</translation>
    </message>
    <message>
        <source>metadata %1 &quot;%2&quot; is not a number &gt;= 0</source>
        <translation>Metadatum %1 &quot;%2&quot; ist keine Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>the first line is not a header row (it starts with a number); name the columns, e.g. open_time,open,high,low,close,volume</source>
        <translation>die erste Zeile ist keine Kopfzeile (sie beginnt mit einer Zahl); benennen Sie die Spalten, z. B. open_time,open,high,low,close,volume</translation>
    </message>
    <message>
        <source>column %1 appears twice</source>
        <translation>Spalte %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>missing column(s): %1 (required: open_time, open, high, low, close, volume)</source>
        <translation>fehlende Spalte(n): %1 (erforderlich: open_time, open, high, low, close, volume)</translation>
    </message>
    <message>
        <source>the line has more fields than the header&apos;s %1</source>
        <translation>die Zeile hat mehr Felder als die %1 der Kopfzeile</translation>
    </message>
    <message>
        <source>the line has %1 fields, the header has %2</source>
        <translation>die Zeile hat %1 Felder, die Kopfzeile %2</translation>
    </message>
    <message>
        <source>open_time &quot;%1&quot; is not a time (epoch milliseconds or ISO-8601)</source>
        <translation>open_time &quot;%1&quot; ist keine Zeitangabe (Epoch-Millisekunden oder ISO-8601)</translation>
    </message>
    <message>
        <source>open_time %1 is outside the years 1970 to 9999</source>
        <translation>open_time %1 liegt außerhalb der Jahre 1970 bis 9999</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a number</source>
        <translation>%1 &quot;%2&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>quote_volume &quot;%1&quot; is not a number</source>
        <translation>quote_volume &quot;%1&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>trades &quot;%1&quot; is not a whole number</source>
        <translation>trades &quot;%1&quot; ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>has no lines</source>
        <translation>hat keine Zeilen</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at offset %2</source>
        <translation>kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>the line is not a JSON object</source>
        <translation>die Zeile ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>unknown &quot;type&quot; (expected &quot;candle&quot; or &quot;symbol&quot;)</source>
        <translation>unbekannter &quot;type&quot; (erwartet &quot;candle&quot; oder &quot;symbol&quot;)</translation>
    </message>
    <message>
        <source>missing key &quot;symbol&quot;</source>
        <translation>Schlüssel &quot;symbol&quot; fehlt</translation>
    </message>
    <message>
        <source>&quot;symbol&quot; is not a valid symbol (1 to 40 of A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>&quot;symbol&quot; ist kein gültiges Symbol (1 bis 40 Zeichen aus A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid asset name</source>
        <translation>&quot;%1&quot; ist kein gültiger Asset-Name</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number &gt;= 0</source>
        <translation>&quot;%1&quot; ist keine Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>the metadata of %1 differs from earlier metadata</source>
        <translation>die Metadaten von %1 weichen von früheren Metadaten ab</translation>
    </message>
    <message>
        <source>missing key &quot;t&quot;</source>
        <translation>Schlüssel &quot;t&quot; fehlt</translation>
    </message>
    <message>
        <source>&quot;t&quot; is not a time (epoch milliseconds or an ISO-8601 string)</source>
        <translation>&quot;t&quot; ist keine Zeitangabe (Epoch-Millisekunden oder ISO-8601-Zeichenkette)</translation>
    </message>
    <message>
        <source>&quot;t&quot; %1 is outside the years 1970 to 9999</source>
        <translation>&quot;t&quot; %1 liegt außerhalb der Jahre 1970 bis 9999</translation>
    </message>
    <message>
        <source>missing key &quot;%1&quot;</source>
        <translation>Schlüssel &quot;%1&quot; fehlt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>&quot;qv&quot; is not a number</source>
        <translation>&quot;qv&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>&quot;n&quot; is not a whole number</source>
        <translation>&quot;n&quot; ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 %2 is not a positive price</source>
        <translation>%1 %2 ist kein positiver Preis</translation>
    </message>
    <message>
        <source>high %1 is below low %2</source>
        <translation>Hoch %1 liegt unter Tief %2</translation>
    </message>
    <message>
        <source>open %1 is outside the bar&apos;s range [low %2, high %3]</source>
        <translation>Eröffnung %1 liegt außerhalb der Spanne der Kerze [Tief %2, Hoch %3]</translation>
    </message>
    <message>
        <source>close %1 is outside the bar&apos;s range [low %2, high %3]</source>
        <translation>Schluss %1 liegt außerhalb der Spanne der Kerze [Tief %2, Hoch %3]</translation>
    </message>
    <message>
        <source>volume %1 is negative</source>
        <translation>Volumen %1 ist negativ</translation>
    </message>
    <message>
        <source>quote volume %1 is negative</source>
        <translation>Umsatz %1 ist negativ</translation>
    </message>
    <message>
        <source>trade count %1 is negative</source>
        <translation>Anzahl der Trades %1 ist negativ</translation>
    </message>
    <message>
        <source>open time %1 is earlier than %2 on line %3%4</source>
        <translation>Eröffnungszeit %1 liegt vor %2 in Zeile %3%4</translation>
    </message>
    <message>
        <source> (kept, put in time order)</source>
        <translation> (behalten, zeitlich eingeordnet)</translation>
    </message>
    <message>
        <source>more than %1 bars in total; the data set is too large</source>
        <translation>mehr als %1 Kerzen insgesamt; der Datensatz ist zu groß</translation>
    </message>
    <message>
        <source>%1 has metadata but no bars</source>
        <translation>%1 hat Metadaten, aber keine Kerzen</translation>
    </message>
    <message>
        <source>%1 has bars %2 apart but the data set&apos;s interval is %3; the symbol is left out</source>
        <translation>%1 hat Kerzen im Abstand %2, der Datensatz aber das Intervall %3; das Symbol wird ausgelassen</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 Zeile %2</translation>
    </message>
    <message numerus="yes">
        <source>gap: %n bar(s) missing between %1 (%2) and %3</source>
        <translation>
            <numerusform>Lücke: %n Kerze fehlt zwischen %1 (%2) und %3</numerusform>
            <numerusform>Lücke: %n Kerzen fehlen zwischen %1 (%2) und %3</numerusform>
        </translation>
    </message>
    <message>
        <source>the bar opens %1 after the previous one (%2), not a multiple of the interval %3</source>
        <translation>die Kerze öffnet %1 nach der vorigen (%2), kein Vielfaches des Intervalls %3</translation>
    </message>
    <message>
        <source>open time %1 of %2 duplicates the bar on %3</source>
        <translation>Eröffnungszeit %1 von %2 wiederholt die Kerze in %3</translation>
    </message>
    <message>
        <source>no valid candles</source>
        <translation>keine gültigen Kerzen</translation>
    </message>
    <message>
        <source>cannot tell the bar interval: no symbol has two bars</source>
        <translation>das Kerzenintervall ist nicht bestimmbar: kein Symbol hat zwei Kerzen</translation>
    </message>
    <message numerus="yes">
        <source>Could not load candles from %1 (%n problem(s)):</source>
        <translation>
            <numerusform>Kerzen aus %1 konnten nicht geladen werden (%n Problem):</numerusform>
            <numerusform>Kerzen aus %1 konnten nicht geladen werden (%n Probleme):</numerusform>
        </translation>
    </message>
    <message>
        <source>Loaded %1 bars of %2 symbols from %3.</source>
        <translation>%1 Kerzen von %2 Symbolen aus %3 geladen.</translation>
    </message>
    <message>
        <source>Loaded %1 bars of %2 symbols from %3; %4 problem(s), %5 line(s) skipped:</source>
        <translation>%1 Kerzen von %2 Symbolen aus %3 geladen; %4 Problem(e), %5 Zeile(n) übersprungen:</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>... und %n weiteres Problem</numerusform>
            <numerusform>... und %n weitere Probleme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandleFileWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid symbol name (1 to 40 of A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>&quot;%1&quot; ist kein gültiger Symbolname (1 bis 40 Zeichen aus A-Z, a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid asset name</source>
        <translation>%1: &quot;%2&quot; ist kein gültiger Asset-Name</translation>
    </message>
    <message>
        <source>%1: the bar at %2 holds a value that is not a finite number</source>
        <translation>%1: die Kerze um %2 enthält einen Wert, der keine endliche Zahl ist</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>EngineStatus</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 | %2 symbols | last scan %3 | %4 candidates | %5 open | equity %6 | RSS %7</source>
        <translation>%1 | %2 Symbole | letzter Scan %3 | %4 Kandidaten | %5 offen | Kapital %6 | RSS %7</translation>
    </message>
</context>
<context>
    <name>LocalSession</name>
    <message>
        <source>the desktop operator</source>
        <translation>dem Bediener am Desktop</translation>
    </message>
</context>
<context>
    <name>ScanFormat</name>
    <message>
        <source>24 h volume</source>
        <translation>24-h-Volumen</translation>
    </message>
    <message>
        <source>Open interest</source>
        <translation>Open Interest</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Depth ±0.5 %</source>
        <translation>Markttiefe ±0,5 %</translation>
    </message>
    <message>
        <source>Depth ±0.3 %</source>
        <translation>Markttiefe ±0,3 %</translation>
    </message>
    <message>
        <source>Trades/min</source>
        <translation>Trades/min</translation>
    </message>
    <message>
        <source>ATR 15 m / price</source>
        <translation>ATR 15 m / Kurs</translation>
    </message>
    <message>
        <source>BB width pctl</source>
        <translation>BB-Breite Perzentil</translation>
    </message>
    <message>
        <source>Surge 1 h</source>
        <translation>Anstieg 1 h</translation>
    </message>
    <message>
        <source>Surge 5 m</source>
        <translation>Anstieg 5 m</translation>
    </message>
    <message>
        <source>OI change</source>
        <translation>OI-Änderung</translation>
    </message>
    <message>
        <source>BTC correlation</source>
        <translation>BTC-Korrelation</translation>
    </message>
    <message>
        <source>Data health</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 bps</source>
        <translation>%1 bps</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Volume surge</source>
        <translation>Volumenanstieg</translation>
    </message>
    <message>
        <source>ATR quality</source>
        <translation>ATR-Qualität</translation>
    </message>
    <message>
        <source>Gainers momentum</source>
        <translation>Momentum der Gewinner</translation>
    </message>
    <message>
        <source>0.6 × 1 h surge + 0.4 × 5 m surge, centred on 1.5 and clipped to ±3</source>
        <translation>0,6 × 1-h-Anstieg + 0,4 × 5-m-Anstieg, zentriert auf 1,5 und auf ±3 begrenzt</translation>
    </message>
    <message>
        <source>|24 h open-interest change| / 5 %, clipped to 3; 0 when the source has no open interest</source>
        <translation>|24-h-Änderung des Open Interest| / 5 %, auf 3 begrenzt; 0, wenn die Quelle kein Open Interest liefert</translation>
    </message>
    <message>
        <source>How close ATR / price is to the 1.5-3.5 % sweet spot (best at 2.5 %)</source>
        <translation>Wie nah ATR / Kurs am Idealbereich von 1,5-3,5 % liegt (optimal bei 2,5 %)</translation>
    </message>
    <message>
        <source>Rewards moderate correlation with BTC; penalises |correlation| above 0.7</source>
        <translation>Belohnt moderate Korrelation mit BTC; bestraft |Korrelation| über 0,7</translation>
    </message>
    <message>
        <source>ln(trades per minute) - 2, clipped to ±3</source>
        <translation>ln(Trades pro Minute) - 2, auf ±3 begrenzt</translation>
    </message>
    <message>
        <source>Recent momentum against the market, clipped to ±3</source>
        <translation>Jüngstes Momentum gegenüber dem Markt, auf ±3 begrenzt</translation>
    </message>
    <message>
        <source>Symbol lists</source>
        <translation>Symbollisten</translation>
    </message>
    <message>
        <source>Top volume</source>
        <translation>Top-Volumen</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>Liquidität</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Score and levels</source>
        <translation>Bewertung und Niveaus</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
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
    <name>bw</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>must be at least atr_range_min</source>
        <translation>muss mindestens atr_range_min sein</translation>
    </message>
    <message>
        <source>must be greater than tp1_r (%1)</source>
        <translation>muss größer als tp1_r (%1) sein</translation>
    </message>
    <message>
        <source>tp1_size_pct + tp2_size_pct must not exceed 1</source>
        <translation>tp1_size_pct + tp2_size_pct darf 1 nicht überschreiten</translation>
    </message>
    <message>
        <source>the absolute weights sum to %1; it must be within 0.8-1.2</source>
        <translation>die Beträge der Gewichte ergeben in Summe %1; die Summe muss im Bereich 0,8-1,2 liegen</translation>
    </message>
    <message>
        <source>must be at least twap_min_slices</source>
        <translation>muss mindestens twap_min_slices sein</translation>
    </message>
</context>
<context>
    <name>bw::AlertEvent</name>
    <message>
        <source>%1 back to normal: %2 (below %3)</source>
        <translation>%1 wieder normal: %2 (unter %3)</translation>
    </message>
    <message>
        <source>%1 %2: %3 (threshold %4)</source>
        <translation>%1 %2: %3 (Schwelle %4)</translation>
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
        <source>Seed of the simulated market (default %1).</source>
        <translation>Startwert des simulierten Markts (Standard %1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
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
    <message>
        <source>PAGE</source>
        <translation>SEITE</translation>
    </message>
    <message>
        <source>Port of the WebSocket server for remote viewers (default %1).</source>
        <translation>Port des WebSocket-Servers für entfernte Betrachter (Standard %1).</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>Address the WebSocket server listens on (default %1; other than loopback only with configured tokens).</source>
        <translation>Adresse, auf der der WebSocket-Server lauscht (Standard %1; andere als Loopback nur mit konfigurierten Tokens).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>Do not run the WebSocket server for remote viewers.</source>
        <translation>Den WebSocket-Server für entfernte Betrachter nicht starten.</translation>
    </message>
    <message>
        <source>expected a port number from 1 to 65535</source>
        <translation>erwartet wird eine Portnummer von 1 bis 65535</translation>
    </message>
    <message>
        <source>expected an IP address such as 127.0.0.1</source>
        <translation>erwartet wird eine IP-Adresse wie 127.0.0.1</translation>
    </message>
    <message>
        <source>SQLite journal that keeps positions, orders and cash across restarts (default: journal.sqlite in the data folder).</source>
        <translation>SQLite-Journal, das Positionen, Orders und Kassenbestand über Neustarts hinweg bewahrt (Standard: journal.sqlite im Datenordner).</translation>
    </message>
    <message>
        <source>Paper-trade without a journal: nothing survives a restart.</source>
        <translation>Papierhandel ohne Journal: nichts überdauert einen Neustart.</translation>
    </message>
    <message>
        <source>expected a file path</source>
        <translation>erwartet wird ein Dateipfad</translation>
    </message>
    <message>
        <source>--journal and --no-journal exclude each other</source>
        <translation>--journal und --no-journal schließen einander aus</translation>
    </message>
    <message>
        <source>Market data: simulated (default, the embedded market), replay (recorded candles, see --replay) or bybit (live, needs network access to the exchange).</source>
        <translation>Marktdaten: simulated (Standard, der eingebaute Markt), replay (aufgezeichnete Kerzen, siehe --replay) oder bybit (live, benötigt Netzwerkzugang zur Börse).</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>Folder (or file) of recorded candles for --source replay.</source>
        <translation>Ordner (oder Datei) mit aufgezeichneten Kerzen für --source replay.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Replay pace: bar times per second, or max (default %1).</source>
        <translation>Wiedergabetempo: Kerzenzeiten pro Sekunde oder max (Standard %1).</translation>
    </message>
    <message>
        <source>N|max</source>
        <translation>N|max</translation>
    </message>
    <message>
        <source>Base URL of the Bybit REST API (default %1).</source>
        <translation>Basis-URL der Bybit-REST-API (Standard %1).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>URL of Bybit&apos;s public linear WebSocket stream (default %1).</source>
        <translation>URL des öffentlichen linearen WebSocket-Streams von Bybit (Standard %1).</translation>
    </message>
    <message>
        <source>Simulated market: number of symbols (1 to %1, default %2). Bybit: top:N (the N with the largest 24 h turnover) or all (default).</source>
        <translation>Simulierter Markt: Anzahl der Symbole (1 bis %1, Standard %2). Bybit: top:N (die N mit dem größten 24-h-Umsatz) oder all (Standard).</translation>
    </message>
    <message>
        <source>N|top:N|all</source>
        <translation>N|top:N|all</translation>
    </message>
    <message>
        <source>Bar interval: 30s, 1m, 5m, 1h for the simulated market, a kline interval (1m to 12h) for bybit (default 5m).</source>
        <translation>Kerzenintervall: 30s, 1m, 5m, 1h für den simulierten Markt, ein Kline-Intervall (1m bis 12h) für bybit (Standard 5m).</translation>
    </message>
    <message>
        <source>Page the window opens on: market (default), scanner, trading or resources.</source>
        <translation>Seite, mit der das Fenster öffnet: market (Standard), scanner, trading oder resources.</translation>
    </message>
    <message>
        <source>expected simulated, replay or bybit</source>
        <translation>erwartet wird simulated, replay oder bybit</translation>
    </message>
    <message>
        <source>--%1 applies to --source %2, not to --source %3</source>
        <translation>--%1 gilt für --source %2, nicht für --source %3</translation>
    </message>
    <message>
        <source>--bar-interval does not apply to --source replay: the recorded files set the interval</source>
        <translation>--bar-interval gilt nicht für --source replay: die aufgezeichneten Dateien legen das Intervall fest</translation>
    </message>
    <message>
        <source>expected top:N (N at least 1) or all with --source bybit</source>
        <translation>erwartet wird top:N (N mindestens 1) oder all mit --source bybit</translation>
    </message>
    <message>
        <source>expected a whole number from 1 to %1 (top:N and all need --source bybit)</source>
        <translation>erwartet wird eine ganze Zahl von 1 bis %1 (top:N und all erfordern --source bybit)</translation>
    </message>
    <message>
        <source>--source replay needs --replay DIR, a folder (or file) of recorded candles</source>
        <translation>--source replay erfordert --replay ORDNER, einen Ordner (oder eine Datei) mit aufgezeichneten Kerzen</translation>
    </message>
    <message>
        <source>no such folder or file (or it cannot be read)</source>
        <translation>kein solcher Ordner und keine solche Datei (oder nicht lesbar)</translation>
    </message>
    <message>
        <source>expected max or bar times per second above 0 and at most %1</source>
        <translation>erwartet wird max oder Kerzenzeiten pro Sekunde größer als 0 und höchstens %1</translation>
    </message>
    <message>
        <source>expected a URL starting with %1</source>
        <translation>erwartet wird eine URL, die mit %1 beginnt</translation>
    </message>
    <message>
        <source>expected market, scanner, trading or resources</source>
        <translation>erwartet wird market, scanner, trading oder resources</translation>
    </message>
    <message>
        <source>Bybit klines are whole minutes: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h</source>
        <translation>Bybit-Klines sind ganze Minuten: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h</translation>
    </message>
</context>
<context>
    <name>bw::BacktestReport</name>
    <message>
        <source>Replay of %1 symbols with preset %2, %3 to %4
</source>
        <translation>Wiedergabe von %1 Symbolen mit Preset %2, %3 bis %4
</translation>
    </message>
    <message>
        <source>Trades: %1, win rate %2 %, profit factor %3, expectancy %4 R
</source>
        <translation>Trades: %1, Trefferquote %2 %, Profitfaktor %3, Erwartungswert %4 R
</translation>
    </message>
    <message>
        <source>n/a (no losing trade)</source>
        <translation>k. A. (kein Verlusttrade)</translation>
    </message>
    <message>
        <source>Net PnL %1 USD; equity %2 -&gt; %3 USD; max drawdown %4 % (%5 USD); %6 positions still open
</source>
        <translation>Netto-PnL %1 USD; Kapital %2 -&gt; %3 USD; max. Drawdown %4 % (%5 USD); %6 Positionen noch offen
</translation>
    </message>
</context>
<context>
    <name>bw::BybitFeed</name>
    <message>
        <source>Bybit linear perpetuals (%1, %2 m)</source>
        <translation>Bybit lineare Perpetuals (%1, %2 m)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>malformed answer (%1)</source>
        <translation>fehlerhafte Antwort (%1)</translation>
    </message>
    <message>
        <source>Bybit %1 answered retCode %2: %3</source>
        <translation>Bybit %1 antwortete mit retCode %2: %3</translation>
    </message>
    <message>
        <source>Bybit %1 failed after %2 attempts: %3</source>
        <translation>Bybit %1 nach %2 Versuchen fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Bybit instruments-info: the answer has no instrument list</source>
        <translation>Bybit instruments-info: die Antwort enthält keine Instrumentenliste</translation>
    </message>
    <message>
        <source>Bybit lists no tradable USDT perpetual</source>
        <translation>Bybit listet kein handelbares USDT-Perpetual</translation>
    </message>
    <message>
        <source>No history for %1: %2</source>
        <translation>Keine Historie für %1: %2</translation>
    </message>
    <message>
        <source>Bars missed by the stream for %1 could not be fetched: %2</source>
        <translation>Vom Stream verpasste Kerzen für %1 konnten nicht abgerufen werden: %2</translation>
    </message>
</context>
<context>
    <name>bw::BybitFeedConfig</name>
    <message>
        <source>invalid symbol selection &quot;%1&quot;: use &quot;all&quot; or &quot;top:N&quot; with N &gt;= 1</source>
        <translation>ungültige Symbolauswahl &quot;%1&quot;: &quot;all&quot; oder &quot;top:N&quot; mit N &gt;= 1 verwenden</translation>
    </message>
    <message>
        <source>Bybit feed setting %1: %2</source>
        <translation>Einstellung %1 der Bybit-Datenquelle: %2</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>keine gültige URL</translation>
    </message>
    <message>
        <source>must be a ws:// or wss:// URL</source>
        <translation>muss eine ws://- oder wss://-URL sein</translation>
    </message>
    <message>
        <source>%1 is not a Bybit kline interval</source>
        <translation>%1 ist kein Bybit-Kline-Intervall</translation>
    </message>
    <message>
        <source>%1 is outside [%2, %3]</source>
        <translation>%1 liegt außerhalb von [%2, %3]</translation>
    </message>
</context>
<context>
    <name>bw::Engine</name>
    <message>
        <source>no market feed</source>
        <translation>keine Marktdatenquelle</translation>
    </message>
    <message>
        <source>cannot open the journal: %1</source>
        <translation>das Journal kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot restore from the journal: %1</source>
        <translation>aus dem Journal kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>starting %1 with preset %2; %3 open positions restored</source>
        <translation>starte %1 mit Preset %2; %3 offene Positionen wiederhergestellt</translation>
    </message>
    <message>
        <source>paused by the operator</source>
        <translation>vom Operator pausiert</translation>
    </message>
    <message>
        <source>resumed by the operator</source>
        <translation>vom Operator fortgesetzt</translation>
    </message>
    <message>
        <source>halted by the operator</source>
        <translation>vom Operator angehalten</translation>
    </message>
    <message>
        <source>stopped by the operator</source>
        <translation>vom Operator beendet</translation>
    </message>
    <message>
        <source>market history loaded for %1 symbols</source>
        <translation>Markthistorie für %1 Symbole geladen</translation>
    </message>
    <message>
        <source>market feed failed: %1</source>
        <translation>Marktdatenquelle ausgefallen: %1</translation>
    </message>
    <message>
        <source>scan %1 of %2 symbols</source>
        <translation>Scan %1 über %2 Symbole</translation>
    </message>
    <message>
        <source>scan %1: %2 candidates, %3 signals, %4 open positions</source>
        <translation>Scan %1: %2 Kandidaten, %3 Signale, %4 offene Positionen</translation>
    </message>
    <message>
        <source>the engine takes no new entries in state %1</source>
        <translation>die Engine nimmt im Zustand %1 keine neuen Einstiege an</translation>
    </message>
    <message>
        <source>unknown symbol %1</source>
        <translation>unbekanntes Symbol %1</translation>
    </message>
    <message>
        <source>a scan is already running</source>
        <translation>ein Scan läuft bereits</translation>
    </message>
    <message>
        <source>the market history is still loading</source>
        <translation>die Markthistorie wird noch geladen</translation>
    </message>
    <message>
        <source>the engine does not scan in state %1</source>
        <translation>die Engine scannt im Zustand %1 nicht</translation>
    </message>
    <message>
        <source>the scanner did not start a scan</source>
        <translation>der Scanner hat keinen Scan gestartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a preset name</source>
        <translation>&quot;%1&quot; ist kein Preset-Name</translation>
    </message>
    <message>
        <source>preset %1 replaces %2</source>
        <translation>Preset %1 ersetzt %2</translation>
    </message>
    <message>
        <source>the engine is not running (%1)</source>
        <translation>die Engine läuft nicht (%1)</translation>
    </message>
    <message>
        <source>there is no position #%1</source>
        <translation>es gibt keine Position #%1</translation>
    </message>
    <message>
        <source>position #%1 (%2) is already %3</source>
        <translation>Position #%1 (%2) ist bereits %3</translation>
    </message>
    <message>
        <source>position #%1 closed by its own rules before the manual close</source>
        <translation>Position #%1 wurde vor dem manuellen Schließen durch ihre eigenen Regeln geschlossen</translation>
    </message>
    <message>
        <source>by the operator</source>
        <translation>durch den Bediener</translation>
    </message>
    <message>
        <source>position #%1 (%2) is already being closed</source>
        <translation>Position #%1 (%2) wird bereits geschlossen</translation>
    </message>
    <message>
        <source>position #%1 %2 %3 %4 closed at market (%5)</source>
        <translation>Position #%1 %2 %3 %4 zum Marktpreis geschlossen (%5)</translation>
    </message>
    <message>
        <source>there are no open positions</source>
        <translation>es gibt keine offenen Positionen</translation>
    </message>
    <message>
        <source>every open position is already being closed</source>
        <translation>jede offene Position wird bereits geschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) closed at market (%1)</source>
        <translation>
            <numerusform>%n Position zum Marktpreis geschlossen (%1)</numerusform>
            <numerusform>%n Positionen zum Marktpreis geschlossen (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>trading is already halted: %1</source>
        <translation>der Handel ist bereits angehalten: %1</translation>
    </message>
    <message>
        <source>halted: %1</source>
        <translation>angehalten: %1</translation>
    </message>
    <message>
        <source>the engine has not started</source>
        <translation>die Engine ist nicht gestartet</translation>
    </message>
    <message>
        <source>the kill switch is not tripped and trading is not halted</source>
        <translation>der Notausschalter ist nicht ausgelöst und der Handel nicht angehalten</translation>
    </message>
    <message>
        <source>kill switch reset by the operator</source>
        <translation>Notausschalter durch den Bediener zurückgesetzt</translation>
    </message>
    <message>
        <source>kill switch reset: %1</source>
        <translation>Notausschalter zurückgesetzt: %1</translation>
    </message>
    <message>
        <source>closed by the operator</source>
        <translation>vom Bediener geschlossen</translation>
    </message>
    <message>
        <source>closed by %1</source>
        <translation>geschlossen von %1</translation>
    </message>
    <message>
        <source>flatten all by the operator</source>
        <translation>alle glattgestellt vom Bediener</translation>
    </message>
    <message>
        <source>flatten all by %1</source>
        <translation>alle glattgestellt von %1</translation>
    </message>
</context>
<context>
    <name>bw::FeedFactory</name>
    <message>
        <source>unknown market source &quot;%1&quot;: use simulated, replay or bybit</source>
        <translation>unbekannte Marktquelle &quot;%1&quot;: simulated, replay oder bybit verwenden</translation>
    </message>
    <message>
        <source>the replay source needs a path</source>
        <translation>die Quelle replay braucht einen Pfad</translation>
    </message>
</context>
<context>
    <name>bw::HeadlessStatus</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> | engine %1, last scan %2, candidates %3, open positions %4, equity %5</source>
        <translation> | Engine %1, letzter Scan %2, Kandidaten %3, offene Positionen %4, Kapital %5</translation>
    </message>
</context>
<context>
    <name>bw::Journal</name>
    <message>
        <source>the journal is not open</source>
        <translation>das Journal ist nicht geöffnet</translation>
    </message>
    <message>
        <source>the journal %1 was used from a thread that did not open it</source>
        <translation>das Journal %1 wurde von einem Thread benutzt, der es nicht geöffnet hat</translation>
    </message>
    <message>
        <source>cannot read the journal %1: %2</source>
        <translation>das Journal %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the journal %1 is not an SQLite database (damaged or another kind of file); it was left untouched</source>
        <translation>das Journal %1 ist keine SQLite-Datenbank (beschädigt oder eine andere Art Datei); es wurde nicht verändert</translation>
    </message>
    <message>
        <source>the journal %1 cannot be opened: %2; it was left untouched</source>
        <translation>das Journal %1 kann nicht geöffnet werden: %2; es wurde nicht verändert</translation>
    </message>
    <message>
        <source>the journal %1 is damaged (integrity check: %2); it was left untouched</source>
        <translation>das Journal %1 ist beschädigt (Integritätsprüfung: %2); es wurde nicht verändert</translation>
    </message>
    <message>
        <source>the journal %1 has schema version %2, newer than this program&apos;s %3; it was left untouched</source>
        <translation>das Journal %1 hat die Schemaversion %2, neuer als die %3 dieses Programms; es wurde nicht verändert</translation>
    </message>
    <message>
        <source>%1 is a database of another application (application id 0x%2, tables: %3); it was left untouched</source>
        <translation>%1 ist die Datenbank einer anderen Anwendung (Anwendungs-ID 0x%2, Tabellen: %3); sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>cannot open the journal %1: %2</source>
        <translation>das Journal %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>the journal %1 cannot use write-ahead logging (%2)</source>
        <translation>das Journal %1 kann kein Write-Ahead-Logging verwenden (%2)</translation>
    </message>
    <message>
        <source>cannot read the schema version of %1</source>
        <translation>die Schemaversion von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot start a migration of %1: %2</source>
        <translation>die Migration von %1 kann nicht beginnen: %2</translation>
    </message>
    <message>
        <source>migration of %1 to version %2 failed at &quot;%3&quot;: %4</source>
        <translation>die Migration von %1 auf Version %2 scheiterte bei &quot;%3&quot;: %4</translation>
    </message>
    <message>
        <source>cannot commit the migration of %1 to version %2: %3</source>
        <translation>die Migration von %1 auf Version %2 kann nicht abgeschlossen werden: %3</translation>
    </message>
    <message>
        <source>cannot write order %1: %2</source>
        <translation>Order %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write fill %1: %2</source>
        <translation>Ausführung %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write position %1: %2</source>
        <translation>Position %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write an equity point: %1</source>
        <translation>ein Kapitalwert kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot write signal %1: %2</source>
        <translation>Signal %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot start a journal transaction: %1</source>
        <translation>eine Journal-Transaktion kann nicht beginnen: %1</translation>
    </message>
    <message>
        <source>cannot commit to the journal: %1</source>
        <translation>das Journal kann nicht festgeschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot write an engine event: %1</source>
        <translation>ein Engine-Ereignis kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot save the risk state: %1</source>
        <translation>der Risikozustand kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>cannot read %1 from the journal %2: %3</source>
        <translation>%1 kann nicht aus dem Journal %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>the state</source>
        <translation>der Zustand</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>the account</source>
        <translation>das Konto</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>IDs</translation>
    </message>
    <message>
        <source>the risk state</source>
        <translation>der Risikozustand</translation>
    </message>
    <message>
        <source>position %1 in the journal %2 has an unknown side, strategy or status</source>
        <translation>Position %1 im Journal %2 hat eine unbekannte Seite, Strategie oder einen unbekannten Status</translation>
    </message>
</context>
<context>
    <name>bw::LocalSession</name>
    <message numerus="yes">
        <source>Simulated market (%n symbol(s))</source>
        <translation>
            <numerusform>Simulierter Markt (%n Symbol)</numerusform>
            <numerusform>Simulierter Markt (%n Symbole)</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay of %1</source>
        <translation>Wiedergabe von %1</translation>
    </message>
    <message>
        <source>Bybit linear perpetuals (%1)</source>
        <translation>Bybit lineare Perpetuals (%1)</translation>
    </message>
    <message>
        <source>the engine is not running: the workstation has no data source</source>
        <translation>die Engine läuft nicht: die Workstation hat keine Datenquelle</translation>
    </message>
    <message>
        <source>the engine is already running (%1)</source>
        <translation>die Engine läuft bereits (%1)</translation>
    </message>
    <message>
        <source>the desktop</source>
        <translation>der Desktop</translation>
    </message>
</context>
<context>
    <name>bw::LogCapture</name>
    <message>
        <source>log lines dropped: %1 (more than %2 lines per second)</source>
        <translation>Logzeilen verworfen: %1 (mehr als %2 Zeilen pro Sekunde)</translation>
    </message>
</context>
<context>
    <name>bw::MemorySnapshot</name>
    <message>
        <source>cannot create the snapshot folder %1</source>
        <translation>der Snapshot-Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write the snapshot to %1: it is a folder</source>
        <translation>der Snapshot kann nicht nach %1 geschrieben werden: es ist ein Ordner</translation>
    </message>
    <message>
        <source>cannot write the snapshot to %1: the folder %2 does not exist</source>
        <translation>der Snapshot kann nicht nach %1 geschrieben werden: der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>cannot write the snapshot to %1: %2</source>
        <translation>der Snapshot kann nicht nach %1 geschrieben werden: %2</translation>
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
    <name>bw::ObjectReader</name>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must not be null</source>
        <translation>darf nicht null sein</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>erwartet wird eine Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>%1 is out of range %2</source>
        <translation>%1 liegt außerhalb des Bereichs %2</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>erwartet wird eine ganze Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>%1 is out of range [%2, %3]</source>
        <translation>%1 liegt außerhalb des Bereichs [%2, %3]</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>erwartet wird true oder false, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>erwartet wird eine Zeichenkette, gefunden: %1</translation>
    </message>
    <message>
        <source>expected an array of symbol names, got %1</source>
        <translation>erwartet wird ein Array von Symbolnamen, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a non-empty symbol name</source>
        <translation>erwartet wird ein nicht leerer Symbolname</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>erwartet wird ein Objekt, gefunden: %1</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>bw::PaperBroker</name>
    <message>
        <source>reduce-only order: nothing left to reduce</source>
        <translation>Reduce-only-Order: nichts mehr zu reduzieren</translation>
    </message>
    <message>
        <source>the order has no symbol</source>
        <translation>die Order hat kein Symbol</translation>
    </message>
    <message>
        <source>quantity %1 is not positive</source>
        <translation>Menge %1 ist nicht positiv</translation>
    </message>
    <message>
        <source>limit price %1 is not positive</source>
        <translation>Limitpreis %1 ist nicht positiv</translation>
    </message>
    <message>
        <source>stop price %1 is not positive</source>
        <translation>Stopppreis %1 ist nicht positiv</translation>
    </message>
    <message>
        <source>reduce-only %1 order for %2: no holding to reduce</source>
        <translation>Reduce-only-%1-Order für %2: kein Bestand zu reduzieren</translation>
    </message>
    <message>
        <source>no order book for %1 yet</source>
        <translation>noch kein Orderbuch für %1</translation>
    </message>
</context>
<context>
    <name>bw::PidFile</name>
    <message>
        <source>cannot create the folder of the pid file %1</source>
        <translation>der Ordner der PID-Datei %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write the pid file %1: %2</source>
        <translation>die PID-Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create the pid file %1: %2</source>
        <translation>die PID-Datei %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>another breakout-workstation (pid %1) is running; its pid file is %2</source>
        <translation>eine andere breakout-workstation (PID %1) läuft; ihre PID-Datei ist %2</translation>
    </message>
    <message>
        <source>cannot create the pid file %1: another process keeps recreating it</source>
        <translation>die PID-Datei %1 kann nicht angelegt werden: ein anderer Prozess legt sie immer wieder an</translation>
    </message>
</context>
<context>
    <name>bw::PositionManager</name>
    <message>
        <source>replaced by a %1 exit</source>
        <translation>ersetzt durch einen %1-Ausstieg</translation>
    </message>
    <message>
        <source>entry cancelled by a %1 exit</source>
        <translation>Einstieg durch einen %1-Ausstieg storniert</translation>
    </message>
    <message>
        <source>entry not filled within %1 ms</source>
        <translation>Einstieg nicht innerhalb von %1 ms ausgeführt</translation>
    </message>
    <message>
        <source>quantity %1 is not positive</source>
        <translation>Menge %1 ist nicht positiv</translation>
    </message>
    <message>
        <source>a position in %1 is already live</source>
        <translation>eine Position in %1 ist bereits offen</translation>
    </message>
    <message>
        <source>initial stop at %1 hit</source>
        <translation>anfänglicher Stopp bei %1 erreicht</translation>
    </message>
    <message>
        <source>breakeven stop at %1 hit (moved there after TP1)</source>
        <translation>Break-even-Stopp bei %1 erreicht (nach TP1 dorthin verschoben)</translation>
    </message>
    <message>
        <source>trailing stop at %1 hit (%2 ATR of %3 from the extreme since entry)</source>
        <translation>Trailing-Stopp bei %1 erreicht (%2 ATR von %3 vom Extrem seit dem Einstieg)</translation>
    </message>
    <message>
        <source>open longer than the maximum hold time of %1 h</source>
        <translation>länger offen als die maximale Haltedauer von %1 h</translation>
    </message>
    <message>
        <source>closed by hand</source>
        <translation>von Hand geschlossen</translation>
    </message>
    <message>
        <source>kill switch</source>
        <translation>Notausschalter</translation>
    </message>
    <message>
        <source>TP1</source>
        <translation>TP1</translation>
    </message>
    <message>
        <source>TP2</source>
        <translation>TP2</translation>
    </message>
    <message>
        <source>%1 at %2 (%3 R): %4 % of the entry</source>
        <translation>%1 bei %2 (%3 R): %4 % des Einstiegs</translation>
    </message>
    <message>
        <source>%1 at %2 (%3 R): all that is left</source>
        <translation>%1 bei %2 (%3 R): der ganze Rest</translation>
    </message>
    <message>
        <source>%1 entry, signal %2</source>
        <translation>%1-Einstieg, Signal %2</translation>
    </message>
    <message>
        <source>%1 entry, preset %2, signal %3</source>
        <translation>%1-Einstieg, Voreinstellung %2, Signal %3</translation>
    </message>
</context>
<context>
    <name>bw::PositionSizer</name>
    <message>
        <source>equity %1 is not positive</source>
        <translation>Kapital %1 ist nicht positiv</translation>
    </message>
    <message>
        <source>entry %1 and stop %2 must be positive prices</source>
        <translation>Einstieg %1 und Stopp %2 müssen positive Preise sein</translation>
    </message>
    <message>
        <source>the stop %1 of a long is not below the entry %2</source>
        <translation>der Stopp %1 einer Long-Position liegt nicht unter dem Einstieg %2</translation>
    </message>
    <message>
        <source>the stop %1 of a short is not above the entry %2</source>
        <translation>der Stopp %1 einer Short-Position liegt nicht über dem Einstieg %2</translation>
    </message>
    <message>
        <source>no order-book depth on the %1 side of %2 to size against</source>
        <translation>keine Orderbuchtiefe auf der %1-Seite von %2 für die Größenbemessung</translation>
    </message>
    <message>
        <source>ask</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>bid</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>order notional %1 is below the minimum %2</source>
        <translation>der Orderwert %1 liegt unter dem Minimum %2</translation>
    </message>
    <message>
        <source>depth cap: %1 % of %2 USD %3 depth within 0.3 % allows %4 lots of %5 %6 (%7 USD a lot at %8)</source>
        <translation>Tiefengrenze: %1 % von %2 USD %3-Tiefe innerhalb 0,3 % erlaubt %4 Lots zu %5 %6 (%7 USD je Lot bei %8)</translation>
    </message>
    <message>
        <source>maximum position cap: %1 USD allows %2 lots of %3 %4 (%5 USD a lot at %6)</source>
        <translation>Höchstposition: %1 USD erlaubt %2 Lots zu %3 %4 (%5 USD je Lot bei %6)</translation>
    </message>
    <message>
        <source>risk budget: %1 USD over a stop distance of %2 allows %3 lots of %4 %5 (%6 USD a lot at %7)</source>
        <translation>Risikobudget: %1 USD bei einem Stopp-Abstand von %2 erlaubt %3 Lots zu %4 %5 (%6 USD je Lot bei %7)</translation>
    </message>
</context>
<context>
    <name>bw::PresetLoader</name>
    <message>
        <source>%1: invalid JSON at offset %2: %3</source>
        <translation>%1: ungültiges JSON an Position %2: %3</translation>
    </message>
    <message>
        <source>%1: the preset must be a JSON object</source>
        <translation>%1: das Preset muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not match the file name &quot;%2&quot;</source>
        <translation>&quot;%1&quot; passt nicht zum Dateinamen &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of momentum, retest</source>
        <translation>&quot;%1&quot; ist keiner der Werte momentum, retest</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no such preset (available: %2)</source>
        <translation>%1: kein solches Preset (vorhanden: %2)</translation>
    </message>
</context>
<context>
    <name>bw::PressureGovernor</name>
    <message>
        <source>process RSS %1 of budget %2 (%3 %), system memory %4 %</source>
        <translation>Prozess-RSS %1 von Budget %2 (%3 %), Systemspeicher %4 %</translation>
    </message>
    <message>
        <source>level %1 -&gt; %2</source>
        <translation>Stufe %1 -&gt; %2</translation>
    </message>
    <message>
        <source>scanner batch size %1 -&gt; %2</source>
        <translation>Scanner-Stapelgröße %1 -&gt; %2</translation>
    </message>
    <message>
        <source>%1 caches, %2 -&gt; %3</source>
        <translation>%1 Caches, %2 -&gt; %3</translation>
    </message>
    <message>
        <source>capacity restored: %1</source>
        <translation>Kapazität wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>capacity x%1: %2</source>
        <translation>Kapazität x%1: %2</translation>
    </message>
    <message>
        <source>evictable caches emptied, others x%1: %2</source>
        <translation>verdrängbare Caches geleert, andere x%1: %2</translation>
    </message>
    <message>
        <source>history capacity %1 -&gt; %2 points</source>
        <translation>Verlaufskapazität %1 -&gt; %2 Punkte</translation>
    </message>
    <message>
        <source>malloc_trim(0) %1; allocator held %2 free, process RSS %3 -&gt; %4</source>
        <translation>malloc_trim(0) %1; der Allokator hielt %2 frei, Prozess-RSS %3 -&gt; %4</translation>
    </message>
    <message>
        <source>returned memory to the OS</source>
        <translation>gab Speicher an das Betriebssystem zurück</translation>
    </message>
    <message>
        <source>found nothing to return</source>
        <translation>fand nichts zurückzugeben</translation>
    </message>
</context>
<context>
    <name>bw::ProcSampler</name>
    <message>
        <source>%1 is not a valid process id</source>
        <translation>%1 ist keine gültige Prozess-ID</translation>
    </message>
    <message>
        <source>process %1: permission denied reading /proc/%1/stat</source>
        <translation>Prozess %1: keine Berechtigung, /proc/%1/stat zu lesen</translation>
    </message>
    <message>
        <source>no process with id %1</source>
        <translation>kein Prozess mit der ID %1</translation>
    </message>
    <message>
        <source>process %1 (%2): cannot open its /proc files: %3</source>
        <translation>Prozess %1 (%2): seine /proc-Dateien lassen sich nicht öffnen: %3</translation>
    </message>
    <message>
        <source>process %1 (%2): permission denied; its descriptors and memory maps are not readable by this user</source>
        <translation>Prozess %1 (%2): keine Berechtigung; seine Deskriptoren und Speicherabbildungen sind für diesen Benutzer nicht lesbar</translation>
    </message>
    <message>
        <source>process %1 has exited</source>
        <translation>Prozess %1 ist beendet</translation>
    </message>
    <message>
        <source>process %1: cannot read /proc: %2</source>
        <translation>Prozess %1: /proc kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the sampler is not attached to a process</source>
        <translation>der Sampler ist mit keinem Prozess verbunden</translation>
    </message>
    <message>
        <source>process %1: /proc/%1/stat is malformed</source>
        <translation>Prozess %1: /proc/%1/stat ist fehlerhaft</translation>
    </message>
    <message>
        <source>process %1 has exited (its id now belongs to another)</source>
        <translation>Prozess %1 ist beendet (seine ID gehört jetzt einem anderen)</translation>
    </message>
    <message>
        <source>process %1: /proc/%1/statm is malformed</source>
        <translation>Prozess %1: /proc/%1/statm ist fehlerhaft</translation>
    </message>
    <message>
        <source>cannot open /proc/stat</source>
        <translation>/proc/stat kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot open /proc/meminfo</source>
        <translation>/proc/meminfo kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot open /proc/loadavg</source>
        <translation>/proc/loadavg kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>/proc/stat is unreadable or malformed</source>
        <translation>/proc/stat ist unlesbar oder fehlerhaft</translation>
    </message>
    <message>
        <source>/proc/meminfo is unreadable or malformed</source>
        <translation>/proc/meminfo ist unlesbar oder fehlerhaft</translation>
    </message>
</context>
<context>
    <name>bw::Reader</name>
    <message>
        <source>field &apos;%1&apos; must be a number</source>
        <translation>Feld &apos;%1&apos; muss eine Zahl sein</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; must be an integer</source>
        <translation>Feld &apos;%1&apos; muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; must be a string</source>
        <translation>Feld &apos;%1&apos; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; must be true or false</source>
        <translation>Feld &apos;%1&apos; muss true oder false sein</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; is missing</source>
        <translation>Feld &apos;%1&apos; fehlt</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; has an unknown value &apos;%2&apos;</source>
        <translation>Feld &apos;%1&apos; hat einen unbekannten Wert &apos;%2&apos;</translation>
    </message>
    <message>
        <source>field &apos;stage&apos; has an unknown value &apos;%1&apos;</source>
        <translation>Feld &apos;stage&apos; hat einen unbekannten Wert &apos;%1&apos;</translation>
    </message>
    <message>
        <source>field &apos;comparison&apos; has an unknown value &apos;%1&apos;</source>
        <translation>Feld &apos;comparison&apos; hat einen unbekannten Wert &apos;%1&apos;</translation>
    </message>
    <message>
        <source>filter &apos;%1&apos;</source>
        <translation>Filter &apos;%1&apos;</translation>
    </message>
    <message>
        <source>field &apos;type&apos; must be &apos;support&apos; or &apos;resistance&apos;, not &apos;%1&apos;</source>
        <translation>Feld &apos;type&apos; muss &apos;support&apos; oder &apos;resistance&apos; sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>field &apos;symbol&apos; is missing</source>
        <translation>Feld &apos;symbol&apos; fehlt</translation>
    </message>
    <message>
        <source>candidate &apos;%1&apos;</source>
        <translation>Kandidat &apos;%1&apos;</translation>
    </message>
    <message>
        <source>field &apos;scan_id&apos; must be a decimal number in a string</source>
        <translation>Feld &apos;scan_id&apos; muss eine Dezimalzahl in einer Zeichenkette sein</translation>
    </message>
    <message>
        <source>field &apos;pressure&apos; has an unknown value &apos;%1&apos;</source>
        <translation>Feld &apos;pressure&apos; hat einen unbekannten Wert &apos;%1&apos;</translation>
    </message>
    <message>
        <source>scan report</source>
        <translation>Scan-Bericht</translation>
    </message>
    <message>
        <source>field &apos;measured&apos; must be an object</source>
        <translation>Feld &apos;measured&apos; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>rejection &apos;%1&apos;</source>
        <translation>Ablehnung &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>bw::RemoteBridge</name>
    <message>
        <source>unknown symbol &apos;%1&apos;</source>
        <translation>unbekanntes Symbol &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the engine is gone</source>
        <translation>die Engine ist nicht mehr da</translation>
    </message>
</context>
<context>
    <name>bw::RemoteJson</name>
    <message>
        <source>engine transition</source>
        <translation>Engine-Zustandswechsel</translation>
    </message>
    <message>
        <source>engine status</source>
        <translation>Engine-Status</translation>
    </message>
    <message>
        <source>signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>fill</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>resource sample</source>
        <translation>Ressourcen-Messwert</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>viewer statistics</source>
        <translation>Betrachter-Statistik</translation>
    </message>
    <message>
        <source>governor action</source>
        <translation>Governor-Maßnahme</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>log line</source>
        <translation>Logzeile</translation>
    </message>
    <message>
        <source>field &apos;columns&apos; does not list &apos;%1&apos;</source>
        <translation>Feld &apos;columns&apos; enthält &apos;%1&apos; nicht</translation>
    </message>
    <message>
        <source>a row of &apos;symbols&apos; has no symbol</source>
        <translation>eine Zeile von &apos;symbols&apos; hat kein Symbol</translation>
    </message>
    <message>
        <source>market overview</source>
        <translation>Marktübersicht</translation>
    </message>
    <message>
        <source>candles</source>
        <translation>Kerzen</translation>
    </message>
</context>
<context>
    <name>bw::RemoteServer</name>
    <message>
        <source>already started</source>
        <translation>bereits gestartet</translation>
    </message>
    <message>
        <source>refusing to listen on %1 without configured tokens: set tokens or bind to a loopback address</source>
        <translation>ohne konfigurierte Tokens wird nicht auf %1 gelauscht: Tokens setzen oder an eine Loopback-Adresse binden</translation>
    </message>
    <message>
        <source>a configured token is shorter than 16 characters</source>
        <translation>ein konfiguriertes Token ist kürzer als 16 Zeichen</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a private key</source>
        <translation>TLS braucht ein Zertifikat und einen privaten Schlüssel</translation>
    </message>
    <message>
        <source>TLS requested but no TLS backend is available</source>
        <translation>TLS angefordert, aber kein TLS-Backend verfügbar</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM RSA or EC private key</source>
        <translation>%1 enthält keinen unverschlüsselten privaten PEM-RSA- oder -EC-Schlüssel</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>auf %1:%2 kann nicht gelauscht werden: %3</translation>
    </message>
    <message>
        <source>server shutting down</source>
        <translation>Server wird beendet</translation>
    </message>
    <message>
        <source>too many failed authentications</source>
        <translation>zu viele fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>server full (%1 clients)</source>
        <translation>Server voll (%1 Clients)</translation>
    </message>
    <message>
        <source>authentication timeout</source>
        <translation>Zeitüberschreitung bei der Anmeldung</translation>
    </message>
    <message>
        <source>the first message must be an auth request (JSON text)</source>
        <translation>die erste Nachricht muss eine Anmeldeanfrage sein (JSON-Text)</translation>
    </message>
    <message>
        <source>authentication required</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>binary frames are not part of the protocol; send JSON text</source>
        <translation>Binär-Frames gehören nicht zum Protokoll; senden Sie JSON-Text</translation>
    </message>
    <message>
        <source>request rate abuse</source>
        <translation>Missbrauch der Anfragerate</translation>
    </message>
    <message>
        <source>more than %1 requests per second; slow down</source>
        <translation>mehr als %1 Anfragen pro Sekunde; bitte langsamer</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>the first message must be an auth request: %1</source>
        <translation>die erste Nachricht muss eine Anmeldeanfrage sein: %1</translation>
    </message>
    <message>
        <source>the first message must be an auth request</source>
        <translation>die erste Nachricht muss eine Anmeldeanfrage sein</translation>
    </message>
    <message>
        <source>unknown token</source>
        <translation>unbekanntes Token</translation>
    </message>
    <message>
        <source>this connection is already authenticated</source>
        <translation>diese Verbindung ist bereits angemeldet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs the operator role</source>
        <translation>&apos;%1&apos; erfordert die Operator-Rolle</translation>
    </message>
    <message>
        <source>no engine is attached to this server</source>
        <translation>mit diesem Server ist keine Engine verbunden</translation>
    </message>
    <message>
        <source>slow consumer: outbound queue over its limit for %1 ms</source>
        <translation>langsamer Empfänger: Ausgangswarteschlange seit %1 ms über ihrer Grenze</translation>
    </message>
    <message>
        <source>idle for %1 ms</source>
        <translation>seit %1 ms untätig</translation>
    </message>
    <message>
        <source>the engine of this server does not support &apos;%1&apos;</source>
        <translation>die Engine dieses Servers unterstützt &apos;%1&apos; nicht</translation>
    </message>
</context>
<context>
    <name>bw::RemoteSession</name>
    <message>
        <source>connecting to %1 (attempt %2)</source>
        <translation>verbinde mit %1 (Versuch %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid URL: %2</source>
        <translation>&apos;%1&apos; ist keine gültige URL: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must start with ws:// or wss://</source>
        <translation>&apos;%1&apos; muss mit ws:// oder wss:// beginnen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no host</source>
        <translation>&apos;%1&apos; nennt keinen Host</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the URL must not carry credentials or a query; give the token with --token-file or BW_TOKEN</source>
        <translation>&apos;%1&apos;: die URL darf weder Zugangsdaten noch eine Query enthalten; geben Sie das Token mit --token-file oder BW_TOKEN an</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>verbinde mit %1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>connected to %1 as %2</source>
        <translation>verbunden mit %1 als %2</translation>
    </message>
    <message>
        <source>the connection to %1 was lost</source>
        <translation>die Verbindung zu %1 ist abgebrochen</translation>
    </message>
    <message>
        <source>authentication failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>connection closed (code %1)</source>
        <translation>Verbindung geschlossen (Code %1)</translation>
    </message>
    <message>
        <source>%1; reconnecting in %2 s</source>
        <translation>%1; neuer Verbindungsversuch in %2 s</translation>
    </message>
    <message>
        <source>not connected to %1</source>
        <translation>nicht mit %1 verbunden</translation>
    </message>
    <message>
        <source>the data source of a remote workstation cannot be changed from a viewer</source>
        <translation>die Datenquelle einer entfernten Workstation kann von einem Betrachter aus nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>bw::ReplayFeed</name>
    <message numerus="yes">
        <source>Replay of %1 (%n symbol(s))</source>
        <translation>
            <numerusform>Wiedergabe von %1 (%n Symbol)</numerusform>
            <numerusform>Wiedergabe von %1 (%n Symbole)</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay of %1</source>
        <translation>Wiedergabe von %1</translation>
    </message>
</context>
<context>
    <name>bw::RiskManager</name>
    <message>
        <source>kill switch: equity %1 is %2 below its peak %3 (limit %4)</source>
        <translation>Notabschaltung: Kapital %1 liegt %2 unter seinem Höchststand %3 (Grenze %4)</translation>
    </message>
    <message>
        <source>signal %1 rejected: %2</source>
        <translation>Signal %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>signal %1 for %2 expired at %3</source>
        <translation>Signal %1 für %2 ist um %3 abgelaufen</translation>
    </message>
    <message>
        <source>%1; new entries are halted until an operator resets it</source>
        <translation>%1; neue Einstiege bleiben gestoppt, bis ein Operator zurücksetzt</translation>
    </message>
    <message>
        <source>daily loss limit reached (%1 lost today, limit %2); entries resume at %3</source>
        <translation>Tagesverlustgrenze erreicht (heute %1 verloren, Grenze %2); Einstiege ab %3 wieder möglich</translation>
    </message>
    <message>
        <source>cooling down after %1 losses in a row; entries resume at %2</source>
        <translation>Pause nach %1 Verlusten in Folge; Einstiege ab %2 wieder möglich</translation>
    </message>
    <message>
        <source>%1 positions open and %2 entries in flight: the maximum is %3</source>
        <translation>%1 Positionen offen und %2 Einstiege unterwegs: das Maximum ist %3</translation>
    </message>
    <message>
        <source>a position or entry in %1 is already live</source>
        <translation>eine Position oder ein Einstieg in %1 ist bereits aktiv</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 moves with BTC (|correlation| %2 above %3) and would make %4 of open notional BTC-correlated (limit %5)</source>
        <translation>%1 bewegt sich mit BTC (|Korrelation| %2 über %3) und würde %4 des offenen Nominalwerts BTC-korreliert machen (Grenze %5)</translation>
    </message>
</context>
<context>
    <name>bw::ScanFilters</name>
    <message>
        <source>%1 %2 below the minimum %3</source>
        <translation>%1 %2 unter dem Minimum %3</translation>
    </message>
    <message>
        <source>%1 %2 above the maximum %3</source>
        <translation>%1 %2 über dem Maximum %3</translation>
    </message>
    <message>
        <source>%1 %2 outside %3</source>
        <translation>%1 %2 außerhalb von %3</translation>
    </message>
    <message>
        <source>24 h volume</source>
        <translation>24-h-Volumen</translation>
    </message>
    <message>
        <source>open interest</source>
        <translation>Open Interest</translation>
    </message>
    <message>
        <source>not applicable: the data source has no open interest</source>
        <translation>nicht anwendbar: die Datenquelle liefert kein Open Interest</translation>
    </message>
    <message>
        <source>spread (bps)</source>
        <translation>Spread (bps)</translation>
    </message>
    <message>
        <source>depth within 0.5 %</source>
        <translation>Markttiefe innerhalb 0,5 %</translation>
    </message>
    <message>
        <source>depth within 0.3 %</source>
        <translation>Markttiefe innerhalb 0,3 %</translation>
    </message>
    <message>
        <source>no order book</source>
        <translation>kein Orderbuch</translation>
    </message>
    <message>
        <source>trades per minute</source>
        <translation>Trades pro Minute</translation>
    </message>
    <message>
        <source>ATR/price</source>
        <translation>ATR/Kurs</translation>
    </message>
    <message>
        <source>ATR(14) needs %1 closed 15 m bars, have %2</source>
        <translation>ATR(14) braucht %1 geschlossene 15-m-Kerzen, vorhanden sind %2</translation>
    </message>
    <message>
        <source>band-width percentile</source>
        <translation>Bandbreiten-Perzentil</translation>
    </message>
    <message>
        <source>band-width percentile needs more closed bars</source>
        <translation>Bandbreiten-Perzentil braucht mehr geschlossene Kerzen</translation>
    </message>
    <message>
        <source>1 h volume surge</source>
        <translation>1-h-Volumenanstieg</translation>
    </message>
    <message>
        <source>1 h volume surge needs %1 closed bars with volume</source>
        <translation>1-h-Volumenanstieg braucht %1 geschlossene Kerzen mit Volumen</translation>
    </message>
    <message>
        <source>5 m volume surge</source>
        <translation>5-m-Volumenanstieg</translation>
    </message>
    <message>
        <source>5 m volume surge needs %1 closed bars with volume</source>
        <translation>5-m-Volumenanstieg braucht %1 geschlossene Kerzen mit Volumen</translation>
    </message>
    <message>
        <source>|24 h open-interest change|</source>
        <translation>|24-h-Änderung des Open Interest|</translation>
    </message>
    <message>
        <source>not applicable: no open-interest history</source>
        <translation>nicht anwendbar: keine Open-Interest-Historie</translation>
    </message>
    <message>
        <source>|correlation| %1 above the limit %2</source>
        <translation>|Korrelation| %1 über der Grenze %2</translation>
    </message>
    <message>
        <source>correlation with the reference symbol is not available yet</source>
        <translation>die Korrelation mit dem Referenzsymbol ist noch nicht verfügbar</translation>
    </message>
    <message>
        <source>only %1 closed bars</source>
        <translation>nur %1 geschlossene Kerzen</translation>
    </message>
    <message>
        <source>%1 missing bars</source>
        <translation>%1 fehlende Kerzen</translation>
    </message>
    <message>
        <source>%1 duplicate bars</source>
        <translation>%1 doppelte Kerzen</translation>
    </message>
    <message>
        <source>stale: last update %1 s ago</source>
        <translation>veraltet: letzte Aktualisierung vor %1 s</translation>
    </message>
    <message>
        <source>spread %1 bps is implausible</source>
        <translation>Spread %1 bps ist unplausibel</translation>
    </message>
    <message>
        <source>empty book</source>
        <translation>leeres Orderbuch</translation>
    </message>
    <message>
        <source>no trades</source>
        <translation>keine Trades</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Kurs</translation>
    </message>
</context>
<context>
    <name>bw::ScanStage</name>
    <message>
        <source>symbol lists</source>
        <translation>Symbollisten</translation>
    </message>
    <message>
        <source>top volume</source>
        <translation>Top-Volumen</translation>
    </message>
    <message>
        <source>liquidity</source>
        <translation>Liquidität</translation>
    </message>
    <message>
        <source>volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>data health</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <source>scoring</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>bw::Scanner</name>
    <message>
        <source>not on the whitelist</source>
        <translation>nicht auf der Whitelist</translation>
    </message>
    <message>
        <source>on the blacklist</source>
        <translation>auf der Blacklist</translation>
    </message>
    <message>
        <source>outside the top %1 by 24 h volume (cut-off %2)</source>
        <translation>nicht unter den Top %1 nach 24-h-Volumen (Grenze %2)</translation>
    </message>
    <message>
        <source>beyond max_candidates %1 (ranked %2)</source>
        <translation>jenseits von max_candidates %1 (Rang %2)</translation>
    </message>
</context>
<context>
    <name>bw::ServerToken</name>
    <message>
        <source>no token file path</source>
        <translation>kein Pfad für die Token-Datei</translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot restrict permissions of %1</source>
        <translation>die Berechtigungen von %1 lassen sich nicht einschränken</translation>
    </message>
</context>
<context>
    <name>bw::Settings</name>
    <message>
        <source>must be from %1 to %2</source>
        <translation>muss zwischen %1 und %2 liegen</translation>
    </message>
    <message>
        <source>must be above the warning level (%1 %)</source>
        <translation>muss über der Warnschwelle (%1 %) liegen</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a PEM file</source>
        <translation>%1 ist größer als 1 MiB: keine PEM-Datei</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM RSA or EC private key</source>
        <translation>%1 enthält keinen unverschlüsselten privaten PEM-RSA- oder -EC-Schlüssel</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address such as 127.0.0.1</source>
        <translation>„%1“ ist keine IP-Adresse wie 127.0.0.1</translation>
    </message>
    <message>
        <source>listening on %1 needs at least one configured token: add a token or bind to 127.0.0.1</source>
        <translation>Lauschen auf %1 erfordert mindestens ein eingerichtetes Token: Token hinzufügen oder an 127.0.0.1 binden</translation>
    </message>
    <message>
        <source>token %1 has no name</source>
        <translation>Token %1 hat keinen Namen</translation>
    </message>
    <message>
        <source>token %1: the name &quot;%2&quot; is used twice</source>
        <translation>Token %1: der Name „%2“ ist doppelt vergeben</translation>
    </message>
    <message>
        <source>token %1 (%2) is shorter than 16 characters</source>
        <translation>Token %1 (%2) ist kürzer als 16 Zeichen</translation>
    </message>
    <message>
        <source>token %1 (%2) may only hold printable ASCII without spaces</source>
        <translation>Token %1 (%2) darf nur druckbare ASCII-Zeichen ohne Leerzeichen enthalten</translation>
    </message>
    <message>
        <source>token %1 (%2) repeats another token</source>
        <translation>Token %1 (%2) wiederholt ein anderes Token</translation>
    </message>
    <message>
        <source>TLS needs the private key that belongs to the certificate</source>
        <translation>TLS braucht den privaten Schlüssel, der zum Zertifikat gehört</translation>
    </message>
    <message>
        <source>TLS needs the certificate that belongs to the private key</source>
        <translation>TLS braucht das Zertifikat, das zum privaten Schlüssel gehört</translation>
    </message>
    <message>
        <source>the settings file has &quot;%1&quot; here, which is not valid; using %2 instead</source>
        <translation>die Einstellungsdatei enthält hier „%1“, was ungültig ist; stattdessen wird %2 verwendet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language code such as en or de</source>
        <translation>„%1“ ist kein Sprachcode wie en oder de</translation>
    </message>
    <message>
        <source>must be from 1 to 1000000000000</source>
        <translation>muss zwischen 1 und 1000000000000 liegen</translation>
    </message>
    <message>
        <source>choose the folder of recorded candles to replay</source>
        <translation>Ordner mit aufgezeichneten Kerzen für die Wiedergabe wählen</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>expected an http:// or https:// address</source>
        <translation>erwartet wird eine http://- oder https://-Adresse</translation>
    </message>
    <message>
        <source>expected a ws:// or wss:// address</source>
        <translation>erwartet wird eine ws://- oder wss://-Adresse</translation>
    </message>
    <message>
        <source>cannot read the settings file %1: %2; using the defaults</source>
        <translation>die Einstellungsdatei %1 kann nicht gelesen werden: %2; es gelten die Vorgaben</translation>
    </message>
    <message>
        <source>the settings file %1 is not a valid INI file; using the defaults for what cannot be read</source>
        <translation>die Einstellungsdatei %1 ist keine gültige INI-Datei; für Unlesbares gelten die Vorgaben</translation>
    </message>
    <message>
        <source>token %1 (%2) has the role &quot;%3&quot;, which is neither viewer nor operator; it is ignored</source>
        <translation>Token %1 (%2) hat die Rolle „%3“, weder viewer noch operator; es wird ignoriert</translation>
    </message>
    <message>
        <source>cannot write the settings file %1: %2</source>
        <translation>die Einstellungsdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot restrict its permissions</source>
        <translation>ihre Zugriffsrechte können nicht eingeschränkt werden</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>format error</source>
        <translation>Formatfehler</translation>
    </message>
</context>
<context>
    <name>bw::Signal</name>
    <message>
        <source>the signal has no symbol</source>
        <translation>das Signal hat kein Symbol</translation>
    </message>
    <message>
        <source>entry price %1 is not a positive number</source>
        <translation>Einstiegspreis %1 ist keine positive Zahl</translation>
    </message>
    <message>
        <source>stop price %1 is not a positive number</source>
        <translation>Stopppreis %1 ist keine positive Zahl</translation>
    </message>
    <message>
        <source>the stop %1 of a long is not below the entry %2</source>
        <translation>der Stopp %1 einer Long-Position liegt nicht unter dem Einstieg %2</translation>
    </message>
    <message>
        <source>the stop %1 of a short is not above the entry %2</source>
        <translation>der Stopp %1 einer Short-Position liegt nicht über dem Einstieg %2</translation>
    </message>
    <message>
        <source>confidence %1 is outside [0, 1]</source>
        <translation>Konfidenz %1 liegt außerhalb von [0, 1]</translation>
    </message>
</context>
<context>
    <name>bw::SignalEngine</name>
    <message>
        <source>fewer closed bars than needed</source>
        <translation>weniger geschlossene Kerzen als nötig</translation>
    </message>
    <message>
        <source>no ATR</source>
        <translation>keine ATR</translation>
    </message>
    <message>
        <source>no order book</source>
        <translation>kein Orderbuch</translation>
    </message>
    <message>
        <source>the closed bar is not beyond the level</source>
        <translation>die geschlossene Kerze liegt nicht jenseits des Levels</translation>
    </message>
    <message>
        <source>the level broke before the last closed bar</source>
        <translation>das Level wurde vor der letzten geschlossenen Kerze durchbrochen</translation>
    </message>
    <message>
        <source>volume below the multiplier of the median</source>
        <translation>Volumen unter dem Vielfachen des Medians</translation>
    </message>
    <message>
        <source>the bar has no range</source>
        <translation>die Kerze hat keine Spanne</translation>
    </message>
    <message>
        <source>body ratio below the minimum</source>
        <translation>Körperanteil unter dem Minimum</translation>
    </message>
    <message>
        <source>order book imbalance not in the trade&apos;s direction</source>
        <translation>Orderbuch-Ungleichgewicht nicht in Handelsrichtung</translation>
    </message>
    <message>
        <source>the price ran too far from the level</source>
        <translation>der Kurs hat sich zu weit vom Level entfernt</translation>
    </message>
    <message>
        <source>the price is back behind the level</source>
        <translation>der Kurs liegt wieder hinter dem Level</translation>
    </message>
    <message>
        <source>the stop is not on the losing side of the entry</source>
        <translation>der Stopp liegt nicht auf der Verlustseite des Einstiegs</translation>
    </message>
    <message>
        <source>%1 breakout of %2 at %3: volume %4x median, body %5, imbalance %6</source>
        <translation>Ausbruch %1 durch %2 bei %3: Volumen %4x Median, Körper %5, Ungleichgewicht %6</translation>
    </message>
    <message>
        <source>upward</source>
        <translation>nach oben</translation>
    </message>
    <message>
        <source>downward</source>
        <translation>nach unten</translation>
    </message>
    <message>
        <source>resistance</source>
        <translation>Widerstand</translation>
    </message>
    <message>
        <source>support</source>
        <translation>Unterstützung</translation>
    </message>
    <message>
        <source>no recorded breakout of the level</source>
        <translation>kein erfasster Ausbruch des Levels</translation>
    </message>
    <message>
        <source>no bar after the breakout yet</source>
        <translation>noch keine Kerze nach dem Ausbruch</translation>
    </message>
    <message>
        <source>the price did not pull back to the level</source>
        <translation>der Kurs ist nicht zum Level zurückgekommen</translation>
    </message>
    <message>
        <source>the pullback pierced the level too far</source>
        <translation>der Rücksetzer hat das Level zu weit durchstoßen</translation>
    </message>
    <message>
        <source>the level did not hold</source>
        <translation>das Level hat nicht gehalten</translation>
    </message>
    <message>
        <source>trading activity dropped</source>
        <translation>die Handelsaktivität ist gesunken</translation>
    </message>
    <message>
        <source>retest of the %1 breakout of %2 (%3 h ago), held with pierce %4 ATR, activity %5</source>
        <translation>Retest des Ausbruchs %1 bei %2 (vor %3 h), gehalten mit Durchstich %4 ATR, Aktivität %5</translation>
    </message>
    <message>
        <source>duplicate of an active signal</source>
        <translation>Duplikat eines aktiven Signals</translation>
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
    <name>bw::WorkstationSession</name>
    <message>
        <source>this session does not offer trading commands</source>
        <translation>diese Sitzung bietet keine Handelsbefehle</translation>
    </message>
</context>
<context>
    <name>bw::app</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Breakout Workstation monitor - pid %1 (%2) - %3</source>
        <translation>Breakout-Workstation-Monitor - PID %1 (%2) - %3</translation>
    </message>
    <message>
        <source>System memory: %1 of %2 used (%3 %), %4 available</source>
        <translation>Systemspeicher: %1 von %2 belegt (%3 %), %4 verfügbar</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>Swap: %1 of %2 used (%3 %)</source>
        <translation>Auslagerung: %1 von %2 belegt (%3 %)</translation>
    </message>
    <message>
        <source>System CPU: %1  load %2 %3 %4  cores: %5</source>
        <translation>System-CPU: %1  Last %2 %3 %4  Kerne: %5</translation>
    </message>
    <message>
        <source>Disk (%1): %2 % used, %3 free</source>
        <translation>Datenträger (%1): %2 % belegt, %3 frei</translation>
    </message>
    <message>
        <source>Process memory: RSS %1 (%2 % of RAM)</source>
        <translation>Prozessspeicher: RSS %1 (%2 % des RAM)</translation>
    </message>
    <message>
        <source>elevated</source>
        <translation>erhöht</translation>
    </message>
    <message>
        <source>very high</source>
        <translation>sehr hoch</translation>
    </message>
    <message>
        <source>                PSS %1  VMS %2  swap %3  peak RSS %4</source>
        <translation>                PSS %1  VMS %2  Auslagerung %3  RSS-Spitze %4</translation>
    </message>
    <message>
        <source>                heap in use %1, free in allocator %2</source>
        <translation>                Heap belegt %1, frei im Allokator %2</translation>
    </message>
    <message>
        <source>Process CPU: %1 %  threads %2  open files %3 (sockets %4)  page faults %5 minor, %6 major</source>
        <translation>Prozess-CPU: %1 %  Threads %2  offene Dateien %3 (Sockets %4)  Seitenfehler %5 leicht, %6 schwer</translation>
    </message>
    <message>
        <source>Terminal CPU and memory monitor of a process: the running workstation by default.</source>
        <translation>CPU- und Speichermonitor eines Prozesses im Terminal: standardmäßig der laufenden Workstation.</translation>
    </message>
    <message>
        <source>Process to watch.</source>
        <translation>Zu beobachtender Prozess.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seconds between samples (0.1 to 3600, default 5).</source>
        <translation>Sekunden zwischen Messungen (0,1 bis 3600, Standard 5).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Stop after K samples (default 0: until interrupted).</source>
        <translation>Nach K Messungen aufhören (Standard 0: bis zur Unterbrechung).</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>monitor: unexpected argument &apos;%1&apos;</source>
        <translation>monitor: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--interval: &apos;%1&apos; is not a number of seconds between 0.1 and 3600</source>
        <translation>--interval: &apos;%1&apos; ist keine Sekundenzahl zwischen 0,1 und 3600</translation>
    </message>
    <message>
        <source>--count: &apos;%1&apos; is not a number of samples (0 or more)</source>
        <translation>--count: &apos;%1&apos; ist keine Anzahl von Messungen (0 oder mehr)</translation>
    </message>
    <message>
        <source>--pid %1</source>
        <translation>--pid %1</translation>
    </message>
    <message>
        <source>monitor: %1</source>
        <translation>monitor: %1</translation>
    </message>
    <message>
        <source>alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <source>--pid: &apos;%1&apos; is not a process id (a positive integer)</source>
        <translation>--pid: &apos;%1&apos; ist keine Prozess-ID (eine positive ganze Zahl)</translation>
    </message>
    <message>
        <source>running workstation from %1</source>
        <translation>laufende Workstation aus %1</translation>
    </message>
    <message>
        <source>no running workstation (%1); watching this process</source>
        <translation>keine laufende Workstation (%1); dieser Prozess wird beobachtet</translation>
    </message>
    <message>
        <source>Writes one memory snapshot (JSON) of a process: the running workstation by default.</source>
        <translation>Schreibt einen Speicher-Snapshot (JSON) eines Prozesses: standardmäßig der laufenden Workstation.</translation>
    </message>
    <message>
        <source>Process to snapshot.</source>
        <translation>Prozess für den Snapshot.</translation>
    </message>
    <message>
        <source>File to write (default: a time-stamped file in %1).</source>
        <translation>Zu schreibende Datei (Standard: eine Datei mit Zeitstempel in %1).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>snapshot: unexpected argument &apos;%1&apos;</source>
        <translation>snapshot: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>-o: the output file name is empty</source>
        <translation>-o: der Name der Ausgabedatei ist leer</translation>
    </message>
    <message>
        <source>snapshot: %1</source>
        <translation>snapshot: %1</translation>
    </message>
    <message>
        <source>Record candles from the seeded simulated market into a folder.</source>
        <translation>Kerzen aus dem simulierten Markt mit festem Startwert in einen Ordner aufzeichnen.</translation>
    </message>
    <message>
        <source>Folder to write (created if missing).</source>
        <translation>Zielordner (wird angelegt, falls er fehlt).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>ordner</translation>
    </message>
    <message>
        <source>Number of symbols (1-1000).</source>
        <translation>Anzahl der Symbole (1-1000).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Closed 5 m bars per symbol (10-100000).</source>
        <translation>Geschlossene 5-m-Kerzen pro Symbol (10-100000).</translation>
    </message>
    <message>
        <source>Seed of the simulated market.</source>
        <translation>Startwert des simulierten Markts.</translation>
    </message>
    <message>
        <source>Open time of the first bar, epoch ms (default 2024-01-01T00:00Z).</source>
        <translation>Eröffnungszeit der ersten Kerze, Epoch-ms (Standard 2024-01-01T00:00Z).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>csv (a file per symbol) or jsonl.</source>
        <translation>csv (eine Datei pro Symbol) oder jsonl.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>record: --out DIR is required</source>
        <translation>record: --out ORDNER ist erforderlich</translation>
    </message>
    <message>
        <source>record: --symbols must be a whole number from 1 to 1000</source>
        <translation>record: --symbols muss eine ganze Zahl von 1 bis 1000 sein</translation>
    </message>
    <message>
        <source>record: --bars must be a whole number from 10 to 100000</source>
        <translation>record: --bars muss eine ganze Zahl von 10 bis 100000 sein</translation>
    </message>
    <message>
        <source>record: --seed must be a non-negative whole number</source>
        <translation>record: --seed muss eine nicht negative ganze Zahl sein</translation>
    </message>
    <message>
        <source>record: --start must be epoch milliseconds after 1970 and before 2100</source>
        <translation>record: --start muss in Epoch-Millisekunden nach 1970 und vor 2100 liegen</translation>
    </message>
    <message>
        <source>record: --format must be csv or jsonl, not &quot;%1&quot;</source>
        <translation>record: --format muss csv oder jsonl sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>record: %1</source>
        <translation>record: %1</translation>
    </message>
    <message>
        <source>record: cannot create the folder %1</source>
        <translation>record: der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Recorded %1 symbols x %2 bars (seed %3) into %4
</source>
        <translation>%1 Symbole x %2 Kerzen (Startwert %3) in %4 aufgezeichnet
</translation>
    </message>
    <message>
        <source>scans %1, trades %2, open %3, equity %4</source>
        <translation>Scans %1, Trades %2, offen %3, Kapital %4</translation>
    </message>
    <message>
        <source>Run the trading engine over recorded candles and report the result.</source>
        <translation>Die Trading-Engine über aufgezeichnete Kerzen laufen lassen und das Ergebnis berichten.</translation>
    </message>
    <message>
        <source>Folder (or file) of recorded candles.</source>
        <translation>Ordner (oder Datei) mit aufgezeichneten Kerzen.</translation>
    </message>
    <message>
        <source>Preset name or file.</source>
        <translation>Preset-Name oder -Datei.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>max (default) or bar times per second of wall time.</source>
        <translation>max (Standard) oder Kerzenzeitpunkte pro Sekunde Echtzeit.</translation>
    </message>
    <message>
        <source>max|N</source>
        <translation>max|N</translation>
    </message>
    <message>
        <source>Write the JSON report to this file.</source>
        <translation>Den JSON-Bericht in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <source>Bar times delivered as history before trading starts.</source>
        <translation>Kerzenzeitpunkte, die vor Handelsbeginn als Historie geliefert werden.</translation>
    </message>
    <message>
        <source>Starting cash in USD.</source>
        <translation>Startkapital in USD.</translation>
    </message>
    <message>
        <source>usd</source>
        <translation>usd</translation>
    </message>
    <message>
        <source>No progress bar.</source>
        <translation>Keine Fortschrittsanzeige.</translation>
    </message>
    <message>
        <source>replay: --data DIR and --preset NAME are required</source>
        <translation>replay: --data ORDNER und --preset NAME sind erforderlich</translation>
    </message>
    <message>
        <source>replay: the data path %1 does not exist</source>
        <translation>replay: der Datenpfad %1 existiert nicht</translation>
    </message>
    <message>
        <source>replay: %1</source>
        <translation>replay: %1</translation>
    </message>
    <message>
        <source>replay: --speed must be max or a positive number of bars per second, not &quot;%1&quot;</source>
        <translation>replay: --speed muss max oder eine positive Anzahl Kerzen pro Sekunde sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>replay: --backfill must be a non-negative whole number</source>
        <translation>replay: --backfill muss eine nicht negative ganze Zahl sein</translation>
    </message>
    <message>
        <source>replay: --cash must be a positive amount</source>
        <translation>replay: --cash muss ein positiver Betrag sein</translation>
    </message>
    <message>
        <source>replay finished</source>
        <translation>Wiedergabe beendet</translation>
    </message>
    <message>
        <source>replay: cannot write the report %1: %2</source>
        <translation>replay: der Bericht %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Preset %1: %2 symbols, %3 candidates (%4 more beyond max_candidates), %5 ms, %6 threads, batches of %7</source>
        <translation>Preset %1: %2 Symbole, %3 Kandidaten (%4 weitere jenseits von max_candidates), %5 ms, %6 Threads, Batches zu %7</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Trichter</translation>
    </message>
    <message>
        <source>Most common rejection reasons</source>
        <translation>Häufigste Ablehnungsgründe</translation>
    </message>
    <message>
        <source>Runs one scan and prints the ranked candidates and the funnel.</source>
        <translation>Führt einen Scan aus und gibt die nach Rang sortierten Kandidaten und den Trichter aus.</translation>
    </message>
    <message>
        <source>Preset name (shipped or user).</source>
        <translation>Preset-Name (mitgeliefert oder eigenes).</translation>
    </message>
    <message>
        <source>Simulated symbols, 1-10000.</source>
        <translation>Simulierte Symbole, 1-10000.</translation>
    </message>
    <message>
        <source>Simulated market seed.</source>
        <translation>Startwert des simulierten Markts.</translation>
    </message>
    <message>
        <source>Simulated history bars, 30-100000.</source>
        <translation>Simulierte Historienkerzen, 30-100000.</translation>
    </message>
    <message>
        <source>Scanner threads (default: cores).</source>
        <translation>Scanner-Threads (Standard: Anzahl der Kerne).</translation>
    </message>
    <message>
        <source>Recorded candles (docs/data-format.md).</source>
        <translation>Aufgezeichnete Kerzen (docs/data-format.md).</translation>
    </message>
    <message>
        <source>Print the report as JSON.</source>
        <translation>Den Bericht als JSON ausgeben.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--preset NAME is required (available: %1)</source>
        <translation>--preset NAME ist erforderlich (vorhanden: %1)</translation>
    </message>
    <message>
        <source>--symbols: &quot;%1&quot; is not a number from 1 to %2</source>
        <translation>--symbols: &quot;%1&quot; ist keine Zahl von 1 bis %2</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a non-negative integer</source>
        <translation>--seed: &quot;%1&quot; ist keine nicht negative ganze Zahl</translation>
    </message>
    <message>
        <source>--bars: &quot;%1&quot; is not a number from 30 to 100000</source>
        <translation>--bars: &quot;%1&quot; ist keine Zahl von 30 bis 100000</translation>
    </message>
    <message>
        <source>--threads: &quot;%1&quot; is not a number from 0 to 256</source>
        <translation>--threads: &quot;%1&quot; ist keine Zahl von 0 bis 256</translation>
    </message>
    <message>
        <source>--data: &quot;%1&quot; does not exist</source>
        <translation>--data: &quot;%1&quot; existiert nicht</translation>
    </message>
    <message>
        <source>cannot load %1</source>
        <translation>%1 kann nicht geladen werden</translation>
    </message>
    <message>
        <source>--token-file: cannot read &apos;%1&apos;: %2</source>
        <translation>--token-file: &apos;%1&apos; kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--token-file: &apos;%1&apos; is empty</source>
        <translation>--token-file: &apos;%1&apos; ist leer</translation>
    </message>
    <message>
        <source>Opens the workstation window on a remote workstation&apos;s WebSocket server. The token comes from --token-file, else the BW_TOKEN environment variable, else a prompt; an operator token enables the engine controls.</source>
        <translation>Öffnet das Workstation-Fenster auf dem WebSocket-Server einer entfernten Workstation. Das Token stammt aus --token-file, sonst aus der Umgebungsvariable BW_TOKEN, sonst aus einer Abfrage; ein Operator-Token schaltet die Engine-Steuerung frei.</translation>
    </message>
    <message>
        <source>The server, e.g. ws://127.0.0.1:8765</source>
        <translation>Der Server, z. B. ws://127.0.0.1:8765</translation>
    </message>
    <message>
        <source>Read the access token from FILE (its first line).</source>
        <translation>Das Zugangstoken aus DATEI lesen (deren erste Zeile).</translation>
    </message>
    <message>
        <source>viewer: %1</source>
        <translation>viewer: %1</translation>
    </message>
    <message>
        <source>viewer: the server URL is missing (e.g. ws://127.0.0.1:8765)</source>
        <translation>viewer: die Server-URL fehlt (z. B. ws://127.0.0.1:8765)</translation>
    </message>
    <message>
        <source>viewer: unexpected argument &apos;%1&apos;</source>
        <translation>viewer: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>viewer: no display found (DISPLAY and WAYLAND_DISPLAY are not set); the viewer is a window</source>
        <translation>viewer: keine Anzeige gefunden (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); der Viewer ist ein Fenster</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Mit %1 verbinden</translation>
    </message>
    <message>
        <source>Access token (viewer or operator):</source>
        <translation>Zugangstoken (Betrachter oder Operator):</translation>
    </message>
    <message>
        <source>viewer: no token given</source>
        <translation>viewer: kein Token angegeben</translation>
    </message>
    <message>
        <source>Connect to remote</source>
        <translation>Mit entfernter Workstation verbinden</translation>
    </message>
    <message>
        <source>viewer: this build has no desktop window; the viewer needs the desktop build (BW_BUILD_UI=ON)</source>
        <translation>viewer: dieser Build hat kein Desktop-Fenster; der Viewer benötigt den Desktop-Build (BW_BUILD_UI=ON)</translation>
    </message>
</context>
<context>
    <name>bw::app::Commands</name>
    <message>
        <source>terminal CPU/memory monitor of a process (default: the running workstation)</source>
        <translation>CPU-/Speichermonitor eines Prozesses im Terminal (Standard: die laufende Workstation)</translation>
    </message>
    <message>
        <source>write one memory snapshot JSON of a process (default: the running workstation)</source>
        <translation>einen Speicher-Snapshot (JSON) eines Prozesses schreiben (Standard: die laufende Workstation)</translation>
    </message>
    <message>
        <source>one scan over a simulated market or recorded candles</source>
        <translation>ein Scan über einen simulierten Markt oder aufgezeichnete Kerzen</translation>
    </message>
    <message>
        <source>run the trading engine over recorded candles and report the backtest</source>
        <translation>die Trading-Engine über aufgezeichnete Kerzen laufen lassen und den Backtest berichten</translation>
    </message>
    <message>
        <source>record candles from the seeded simulated market (test and demo data)</source>
        <translation>Kerzen aus dem simulierten Markt mit festem Startwert aufzeichnen (Test- und Demodaten)</translation>
    </message>
    <message>
        <source>the desktop window fed by a remote workstation&apos;s WebSocket server (viewer URL)</source>
        <translation>das Desktop-Fenster, gespeist vom WebSocket-Server einer entfernten Workstation (Viewer-URL)</translation>
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
    <message>
        <source>Remote viewers: ws://%1:%2, operator token in %3</source>
        <translation>Entfernte Betrachter: ws://%1:%2, Operator-Token in %3</translation>
    </message>
    <message>
        <source>WebSocket server not started: %1</source>
        <translation>WebSocket-Server nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Another workstation is running: this one trades without a journal.</source>
        <translation>Eine andere Workstation läuft bereits: diese handelt ohne Journal.</translation>
    </message>
</context>
<context>
    <name>bw::protocol</name>
    <message>
        <source>message is not valid JSON: %1 at offset %2</source>
        <translation>die Nachricht ist kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>message must be a JSON object</source>
        <translation>die Nachricht muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>field &apos;id&apos; is missing</source>
        <translation>Feld &apos;id&apos; fehlt</translation>
    </message>
    <message>
        <source>field &apos;id&apos; must be a non-empty string (at most 128 characters) or an integer</source>
        <translation>Feld &apos;id&apos; muss eine nicht leere Zeichenkette (höchstens 128 Zeichen) oder eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>field &apos;v&apos; must be %1, the protocol version</source>
        <translation>Feld &apos;v&apos; muss %1 sein, die Protokollversion</translation>
    </message>
    <message>
        <source>field &apos;type&apos; is missing</source>
        <translation>Feld &apos;type&apos; fehlt</translation>
    </message>
    <message>
        <source>field &apos;type&apos; must be a string</source>
        <translation>Feld &apos;type&apos; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>unknown request type &apos;%1&apos;</source>
        <translation>unbekannter Anfragetyp &apos;%1&apos;</translation>
    </message>
    <message>
        <source>field &apos;token&apos; must be a non-empty string</source>
        <translation>Feld &apos;token&apos; muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>field &apos;topics&apos; must be a non-empty array of topic names</source>
        <translation>Feld &apos;topics&apos; muss ein nicht leeres Array von Themennamen sein</translation>
    </message>
    <message>
        <source>field &apos;topics&apos; lists too many topics</source>
        <translation>Feld &apos;topics&apos; nennt zu viele Themen</translation>
    </message>
    <message>
        <source>field &apos;topics&apos; must contain only strings</source>
        <translation>Feld &apos;topics&apos; darf nur Zeichenketten enthalten</translation>
    </message>
    <message>
        <source>unknown topic &apos;%1&apos;</source>
        <translation>unbekanntes Thema &apos;%1&apos;</translation>
    </message>
    <message>
        <source>field &apos;args&apos; must be an object</source>
        <translation>Feld &apos;args&apos; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>field &apos;args.name&apos; must be a preset name (a non-empty string of at most 128 characters)</source>
        <translation>Feld &apos;args.name&apos; muss ein Preset-Name sein (eine nicht leere Zeichenkette mit höchstens 128 Zeichen)</translation>
    </message>
    <message>
        <source>field &apos;symbol&apos; must be a symbol name (a non-empty string of at most 64 characters)</source>
        <translation>Feld &apos;symbol&apos; muss ein Symbolname sein (eine nicht leere Zeichenkette mit höchstens 64 Zeichen)</translation>
    </message>
    <message>
        <source>field &apos;count&apos; must be an integer from 1 to %1</source>
        <translation>Feld &apos;count&apos; muss eine ganze Zahl von 1 bis %1 sein</translation>
    </message>
    <message>
        <source>field &apos;args.id&apos; must be a position id (a positive integer)</source>
        <translation>Feld &apos;args.id&apos; muss eine Positions-ID sein (eine positive ganze Zahl)</translation>
    </message>
    <message>
        <source>field &apos;args.reason&apos; must be a string of at most %1 characters</source>
        <translation>Feld &apos;args.reason&apos; muss eine Zeichenkette mit höchstens %1 Zeichen sein</translation>
    </message>
</context>
<context>
    <name>bw::ui::CacheTableModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Needed for correctness: never emptied under memory pressure</source>
        <translation>Für korrekte Ergebnisse nötig: wird bei Speicherdruck nie geleert</translation>
    </message>
    <message>
        <source>%1 hits, %2 misses</source>
        <translation>%1 Treffer, %2 Fehlzugriffe</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Size / capacity</source>
        <translation>Größe / Kapazität</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Evictions</source>
        <translation>Verdrängungen</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>About %1 in memory</source>
        <translation>Etwa %1 im Speicher</translation>
    </message>
    <message>
        <source>%1 % full</source>
        <translation>%1 % voll</translation>
    </message>
    <message>
        <source>%1 evicted to make room, %2 expired, %3 replaced by newer entries</source>
        <translation>%1 verdrängt, um Platz zu schaffen, %2 abgelaufen, %3 durch neuere Einträge ersetzt</translation>
    </message>
    <message>
        <source>Replaced: %1
An entry is replaced when a newer one for the same item arrives (a symbol&apos;s previous bar when its next bar closes): nothing would read it again, so it goes at once. Not a sign of pressure.</source>
        <translation>Ersetzt: %1
Ein Eintrag wird ersetzt, wenn ein neuerer für dasselbe Element eintrifft (die vorige Kerze eines Symbols, wenn seine nächste schließt): Niemand würde ihn wieder lesen, also wird er sofort entfernt. Kein Zeichen von Speicherdruck.</translation>
    </message>
    <message>
        <source>Entries pushed out for lack of room. A cache that keeps evicting is smaller than what it is asked to hold; it is marked in amber while it has evicted in the last %1 minutes.</source>
        <translation>Mangels Platz verdrängte Einträge. Ein Cache, der ständig verdrängt, ist kleiner als das, was er halten soll; er wird gelb markiert, solange er in den letzten %1 Minuten verdrängt hat.</translation>
    </message>
    <message>
        <source>Entries replaced by a newer entry for the same item, e.g. a symbol&apos;s previous bar when its next bar closes. They are dropped at once instead of waiting to be evicted; a high count is normal and not a sign of pressure.</source>
        <translation>Einträge, die durch einen neueren Eintrag für dasselbe Element ersetzt wurden, z. B. die vorige Kerze eines Symbols, wenn seine nächste schließt. Sie werden sofort entfernt, statt auf die Verdrängung zu warten; eine hohe Zahl ist normal und kein Zeichen von Speicherdruck.</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>Evicting: entries were pushed out for lack of room in the last %1 minutes</source>
        <translation>Verdrängt: In den letzten %1 Minuten wurden Einträge mangels Platz verdrängt</translation>
    </message>
</context>
<context>
    <name>bw::ui::CandidateTableModel</name>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Volume surge over 1 h: %1; over the last 5 m bar: %2</source>
        <translation>Volumenanstieg über 1 h: %1; über die letzte 5-m-Kerze: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (%2 from the price)</source>
        <translation>%1 (%2 vom Kurs)</translation>
    </message>
    <message>
        <source>Nearest support: %1
Nearest resistance: %2</source>
        <translation>Nächste Unterstützung: %1
Nächster Widerstand: %2</translation>
    </message>
    <message>
        <source>Passed every stage; ranked %1 by score</source>
        <translation>Alle Stufen bestanden; Rang %1 nach Score</translation>
    </message>
    <message>
        <source>Rejected at %1: %2</source>
        <translation>Abgelehnt bei %1: %2</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>24h volume</source>
        <translation>24h-Volumen</translation>
    </message>
    <message>
        <source>Surge 1h / 5m</source>
        <translation>Anstieg 1h / 5m</translation>
    </message>
    <message>
        <source>ATR %</source>
        <translation>ATR %</translation>
    </message>
    <message>
        <source>BB pctl</source>
        <translation>BB-Pztl.</translation>
    </message>
    <message>
        <source>BTC corr</source>
        <translation>BTC-Korr.</translation>
    </message>
    <message>
        <source>Support / resistance</source>
        <translation>Unterstützung / Widerstand</translation>
    </message>
    <message>
        <source>Passed or why not</source>
        <translation>Bestanden oder warum nicht</translation>
    </message>
    <message>
        <source>Perpetual contract</source>
        <translation>Perpetual-Kontrakt</translation>
    </message>
    <message>
        <source>Rank by score among the symbols that passed every stage</source>
        <translation>Rang nach Score unter den Symbolen, die alle Stufen bestanden haben</translation>
    </message>
    <message>
        <source>Weighted sum of the score components (see the breakdown)</source>
        <translation>Gewichtete Summe der Score-Komponenten (siehe Aufschlüsselung)</translation>
    </message>
    <message>
        <source>Last price when the scan ran</source>
        <translation>Letzter Kurs zum Zeitpunkt des Scans</translation>
    </message>
    <message>
        <source>Turnover over the last 24 hours in the quote currency (USDT)</source>
        <translation>Umsatz der letzten 24 Stunden in der Kurswährung (USDT)</translation>
    </message>
    <message>
        <source>1 h: median volume of the last 12 closed bars against the 12 before; 5 m: the last closed bar&apos;s volume against the median of the 20 before. Sorts on the 1 h surge</source>
        <translation>1 h: Median-Volumen der letzten 12 geschlossenen Kerzen gegenüber den 12 davor; 5 m: Volumen der letzten geschlossenen Kerze gegenüber dem Median der 20 davor. Sortiert nach dem 1-h-Anstieg</translation>
    </message>
    <message>
        <source>ATR(14) on closed 15 m bars as a percentage of the price</source>
        <translation>ATR(14) auf geschlossenen 15-m-Kerzen in Prozent des Kurses</translation>
    </message>
    <message>
        <source>Percentile of the current Bollinger band width over its lookback (low: a squeeze)</source>
        <translation>Perzentil der aktuellen Bollinger-Band-Breite über ihren Rückblickzeitraum (niedrig: ein Squeeze)</translation>
    </message>
    <message>
        <source>Correlation of log returns with BTC</source>
        <translation>Korrelation der Log-Renditen mit BTC</translation>
    </message>
    <message>
        <source>Distance from the price to the nearest support and resistance levels; sorts on the nearer one</source>
        <translation>Abstand des Kurses zu den nächsten Unterstützungs- und Widerstandsniveaus; sortiert nach dem näheren</translation>
    </message>
    <message>
        <source>Passed every stage, or the stage and the filters that rejected the symbol</source>
        <translation>Alle Stufen bestanden, oder die Stufe und die Filter, die das Symbol abgelehnt haben</translation>
    </message>
</context>
<context>
    <name>bw::ui::CandleChartView</name>
    <message>
        <source>Select a symbol to see its chart</source>
        <translation>Wählen Sie ein Symbol, um seinen Chart zu sehen</translation>
    </message>
    <message>
        <source>No candles for %1</source>
        <translation>Keine Kerzen für %1</translation>
    </message>
    <message>
        <source>%1 · last %2 bars of %3</source>
        <translation>%1 · letzte %2 Kerzen von %3</translation>
    </message>
    <message>
        <source>%1 · last %2 bars</source>
        <translation>%1 · letzte %2 Kerzen</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>Volumen steigend</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>Volumen fallend</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Support %1</source>
        <translation>Unterstützung %1</translation>
    </message>
    <message>
        <source>Resistance %1</source>
        <translation>Widerstand %1</translation>
    </message>
</context>
<context>
    <name>bw::ui::ClosedPositionTableModel</name>
    <message>
        <source>Opened %1, closed %2</source>
        <translation>Eröffnet %1, geschlossen %2</translation>
    </message>
    <message>
        <source>Position %1, signal %2</source>
        <translation>Position %1, Signal %2</translation>
    </message>
    <message>
        <source>Price PnL %1 minus fees %2; initial risk %3</source>
        <translation>Preis-PnL %1 minus Gebühren %2; Anfangsrisiko %3</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Avg entry</source>
        <translation>Ø Einstieg</translation>
    </message>
    <message>
        <source>Avg exit</source>
        <translation>Ø Ausstieg</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Ausstieg</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Fees ($)</source>
        <translation>Gebühren ($)</translation>
    </message>
    <message>
        <source>Net PnL ($)</source>
        <translation>Netto-PnL ($)</translation>
    </message>
    <message>
        <source>Net R</source>
        <translation>Netto-R</translation>
    </message>
    <message>
        <source>Market time the last units were closed (UTC)</source>
        <translation>Marktzeit, zu der die letzten Einheiten geschlossen wurden (UTC)</translation>
    </message>
    <message>
        <source>Volume-weighted price of the exit fills</source>
        <translation>Volumengewichteter Preis der Ausstiegs-Ausführungen</translation>
    </message>
    <message>
        <source>The rule that closed the last units</source>
        <translation>Die Regel, die die letzten Einheiten geschlossen hat</translation>
    </message>
    <message>
        <source>Time from the first entry fill to the last exit fill</source>
        <translation>Zeit von der ersten Einstiegs- bis zur letzten Ausstiegs-Ausführung</translation>
    </message>
    <message>
        <source>Realised price PnL minus entry and exit fees: what the trade did to cash</source>
        <translation>Realisierter Preis-PnL minus Ein- und Ausstiegsgebühren: was der Trade mit der Kasse gemacht hat</translation>
    </message>
    <message>
        <source>Net PnL in multiples of the initial risk frozen at entry</source>
        <translation>Netto-PnL in Vielfachen des beim Einstieg eingefrorenen Anfangsrisikos</translation>
    </message>
</context>
<context>
    <name>bw::ui::ConnectDialog</name>
    <message>
        <source>Connect to a remote workstation</source>
        <translation>Mit einer entfernten Workstation verbinden</translation>
    </message>
    <message>
        <source>Watch a workstation running elsewhere. An operator token also lets you control its engine.</source>
        <translation>Beobachten Sie eine Workstation, die an anderer Stelle läuft. Mit einem Operator-Token können Sie auch ihre Engine steuern.</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server-&amp;Adresse:</translation>
    </message>
    <message>
        <source>viewer or operator token</source>
        <translation>Betrachter- oder Operator-Token</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>Read from &amp;file…</source>
        <translation>Aus &amp;Datei lesen…</translation>
    </message>
    <message>
        <source>Read the token from a file, e.g. the one the server wrote at start</source>
        <translation>Das Token aus einer Datei lesen, z. B. aus der, die der Server beim Start geschrieben hat</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Accept a &amp;self-signed certificate</source>
        <translation>&amp;Selbstsigniertes Zertifikat akzeptieren</translation>
    </message>
    <message>
        <source>For wss:// servers whose certificate no authority signed. Only on networks you trust: the server&apos;s identity is not checked.</source>
        <translation>Für wss://-Server, deren Zertifikat von keiner Zertifizierungsstelle signiert ist. Nur in vertrauenswürdigen Netzen: die Identität des Servers wird nicht geprüft.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. ws://127.0.0.1:8765.</source>
        <translation>Geben Sie die Serveradresse ein, z. B. ws://127.0.0.1:8765.</translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss://, e.g. ws://%1.</source>
        <translation>Die Adresse muss mit ws:// oder wss:// beginnen, z. B. ws://%1.</translation>
    </message>
    <message>
        <source>“%1” is not a valid address.</source>
        <translation>„%1“ ist keine gültige Adresse.</translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss://, not “%1”.</source>
        <translation>Die Adresse muss mit ws:// oder wss:// beginnen, nicht mit „%1“.</translation>
    </message>
    <message>
        <source>The address names no host.</source>
        <translation>Die Adresse nennt keinen Host.</translation>
    </message>
    <message>
        <source>Give the token in its own field, not in the address.</source>
        <translation>Geben Sie das Token in seinem eigenen Feld an, nicht in der Adresse.</translation>
    </message>
    <message>
        <source>Enter the token, or read it from a file.</source>
        <translation>Geben Sie das Token ein oder lesen Sie es aus einer Datei.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Die Token-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a token file.</source>
        <translation>%1 ist zu groß für eine Token-Datei.</translation>
    </message>
    <message>
        <source>The token file %1 is empty.</source>
        <translation>Die Token-Datei %1 ist leer.</translation>
    </message>
    <message>
        <source>Read the token from</source>
        <translation>Token lesen aus</translation>
    </message>
</context>
<context>
    <name>bw::ui::EquityCurve</name>
    <message>
        <source>Equity</source>
        <translation>Kapital</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Equity curve</source>
        <translation>Kapitalkurve</translation>
    </message>
    <message>
        <source>Starting equity</source>
        <translation>Anfangskapital</translation>
    </message>
    <message>
        <source>Equity at the first account update since the view started (dashed line)</source>
        <translation>Kapital beim ersten Kontostand seit dem Start der Ansicht (gestrichelte Linie)</translation>
    </message>
    <message>
        <source>Cash plus the unrealised PnL of the open positions</source>
        <translation>Kasse plus unrealisierter PnL der offenen Positionen</translation>
    </message>
    <message>
        <source>Moves only by realised PnL and fees</source>
        <translation>Ändert sich nur durch realisierten PnL und Gebühren</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rendite</translation>
    </message>
    <message>
        <source>Current equity against the starting equity</source>
        <translation>Aktuelles Kapital gegenüber dem Anfangskapital</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Max. Drawdown</translation>
    </message>
    <message>
        <source>Largest fall of equity from a previous peak, in percent of that peak</source>
        <translation>Größter Rückgang des Kapitals von einem früheren Höchststand, in Prozent dieses Höchststands</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>bw::ui::FillTableModel</name>
    <message>
        <source>Realised %1, fee %2: cash moved by %3</source>
        <translation>Realisiert %1, Gebühr %2: Kasse bewegt um %3</translation>
    </message>
    <message>
        <source>Position %1</source>
        <translation>Position %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Notional ($)</source>
        <translation>Nominalwert ($)</translation>
    </message>
    <message>
        <source>Fee ($)</source>
        <translation>Gebühr ($)</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>Liquidität</translation>
    </message>
    <message>
        <source>Realised PnL ($)</source>
        <translation>Realisierter PnL ($)</translation>
    </message>
    <message>
        <source>Market time of the execution (UTC)</source>
        <translation>Marktzeit der Ausführung (UTC)</translation>
    </message>
    <message>
        <source>Taker fills took liquidity at once; maker fills rested on the book</source>
        <translation>Taker-Ausführungen nahmen sofort Liquidität; Maker-Ausführungen lagen im Orderbuch</translation>
    </message>
    <message>
        <source>Price PnL of the part of the fill that reduced the position, before its fee</source>
        <translation>Preis-PnL des Teils der Ausführung, der die Position verringert hat, vor Gebühr</translation>
    </message>
</context>
<context>
    <name>bw::ui::FilterTableModel</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Nicht anwendbar</translation>
    </message>
    <message>
        <source>Not applicable: %1</source>
        <translation>Nicht anwendbar: %1</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>bw::ui::FunnelModel</name>
    <message>
        <source>%1: %2 in, %3 out (%4 removed), %5 of CPU time over all workers</source>
        <translation>%1: %2 rein, %3 raus (%4 entfernt), %5 CPU-Zeit über alle Worker</translation>
    </message>
    <message>
        <source>Share of all scanned symbols still in after the stage</source>
        <translation>Anteil aller gescannten Symbole, die nach der Stufe noch verbleiben</translation>
    </message>
    <message>
        <source>CPU time of the stage, summed over the worker threads</source>
        <translation>CPU-Zeit der Stufe, summiert über die Worker-Threads</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Rein</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Raus</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
</context>
<context>
    <name>bw::ui::FunnelPanel</name>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>Scan funnel</source>
        <translation>Scan-Trichter</translation>
    </message>
    <message>
        <source>No scan yet.</source>
        <translation>Noch kein Scan.</translation>
    </message>
    <message>
        <source>Scan %1 with &lt;b&gt;%2&lt;/b&gt; at %3%4</source>
        <translation>Scan %1 mit &lt;b&gt;%2&lt;/b&gt; um %3%4</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source>Wall time &lt;b&gt;%1&lt;/b&gt; · batches: %2 of up to %3 symbols</source>
        <translation>Laufzeit &lt;b&gt;%1&lt;/b&gt; · Stapel: %2 mit bis zu %3 Symbolen</translation>
    </message>
    <message>
        <source>Threads: %1, %2 batches at once · memory pressure &lt;span style=&quot;color:%3&quot;&gt;%4&lt;/span&gt;</source>
        <translation>Threads: %1, %2 Stapel gleichzeitig · Speicherdruck &lt;span style=&quot;color:%3&quot;&gt;%4&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>bw::ui::LogDock</name>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>The least severe level shown</source>
        <translation>Die niedrigste angezeigte Stufe</translation>
    </message>
    <message>
        <source>Filter messages and categories</source>
        <translation>Meldungen und Kategorien filtern</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove every line from the log view</source>
        <translation>Alle Zeilen aus der Log-Ansicht entfernen</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>bw::ui::LogTableModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
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
        <source>Waiting for market data…</source>
        <translation>Warte auf Marktdaten…</translation>
    </message>
    <message>
        <source>Breakout Workstation — %1</source>
        <translation>Breakout Workstation — %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Connect to remote</source>
        <translation>Mit entfernter Workstation verbinden</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Scannt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbinde erneut</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Starting the engine</source>
        <translation>Starten der Engine</translation>
    </message>
    <message>
        <source>Pausing the engine</source>
        <translation>Pausieren der Engine</translation>
    </message>
    <message>
        <source>Resuming the engine</source>
        <translation>Fortsetzen der Engine</translation>
    </message>
    <message>
        <source>Stopping the engine</source>
        <translation>Beenden der Engine</translation>
    </message>
    <message>
        <source>Scan now</source>
        <translation>Jetzt scannen</translation>
    </message>
    <message>
        <source>Switching the preset</source>
        <translation>Wechsel des Presets</translation>
    </message>
    <message>
        <source>The memory snapshot</source>
        <translation>Der Speicher-Snapshot</translation>
    </message>
    <message>
        <source>Switching the data source</source>
        <translation>Wechsel der Datenquelle</translation>
    </message>
    <message>
        <source>The command “%1”</source>
        <translation>Der Befehl „%1“</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Trading</source>
        <translation>Trading</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start the engine</source>
        <translation>Die Engine starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause scanning and new entries; open positions are still managed</source>
        <translation>Scannen und neue Einstiege pausieren; offene Positionen werden weiter verwaltet</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume scanning and trading</source>
        <translation>Scannen und Handel fortsetzen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop the engine</source>
        <translation>Die Engine beenden</translation>
    </message>
    <message>
        <source>Scan every symbol now instead of waiting for the scan interval (F5)</source>
        <translation>Alle Symbole jetzt scannen, statt auf das Scan-Intervall zu warten (F5)</translation>
    </message>
    <message>
        <source>Export snapshot</source>
        <translation>Snapshot exportieren</translation>
    </message>
    <message>
        <source>Write a memory snapshot (JSON) of the engine&apos;s process (Ctrl+E)</source>
        <translation>Einen Speicher-Snapshot (JSON) des Engine-Prozesses schreiben (Strg+E)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Scan, memory, server and data source settings (Ctrl+,)</source>
        <translation>Einstellungen für Scan, Speicher, Server und Datenquelle (Strg+,)</translation>
    </message>
    <message>
        <source>Writing a memory snapshot…</source>
        <translation>Speicher-Snapshot wird geschrieben…</translation>
    </message>
    <message>
        <source>The scanner preset used from the next scan on</source>
        <translation>Das Scanner-Preset, das ab dem nächsten Scan verwendet wird</translation>
    </message>
    <message>
        <source>No data source</source>
        <translation>Keine Datenquelle</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>&amp;Connect to remote…</source>
        <translation>Mit entfernter Workstation &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation>&amp;Log anzeigen</translation>
    </message>
    <message>
        <source>Reset &amp;column widths</source>
        <translation>&amp;Spaltenbreiten zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>Scan %1 · %2</source>
        <translation>Scan %1 · %2</translation>
    </message>
    <message>
        <source>Candidates %1</source>
        <translation>Kandidaten %1</translation>
    </message>
    <message>
        <source>Positions %1</source>
        <translation>Positionen %1</translation>
    </message>
    <message>
        <source>Equity %1</source>
        <translation>Kapital %1</translation>
    </message>
    <message>
        <source>CPU %1 %</source>
        <translation>CPU %1 %</translation>
    </message>
    <message>
        <source>RSS %1</source>
        <translation>RSS %1</translation>
    </message>
    <message>
        <source>Viewers %1</source>
        <translation>Betrachter %1</translation>
    </message>
    <message>
        <source>Lag %1</source>
        <translation>Latenz %1</translation>
    </message>
    <message>
        <source>Resyncs %1</source>
        <translation>Resyncs %1</translation>
    </message>
    <message>
        <source>Market time the last scan started (UTC) and how long it took</source>
        <translation>Marktzeit, zu der der letzte Scan begann (UTC), und seine Dauer</translation>
    </message>
    <message>
        <source>Candidates of the last scan</source>
        <translation>Kandidaten des letzten Scans</translation>
    </message>
    <message>
        <source>Open paper positions</source>
        <translation>Offene Papierhandel-Positionen</translation>
    </message>
    <message>
        <source>Paper account equity: cash plus unrealised PnL</source>
        <translation>Kapital des Papierhandelskontos: Kasse plus unrealisierter PnL</translation>
    </message>
    <message>
        <source>CPU of the engine&apos;s process (100 % = one core)</source>
        <translation>CPU des Engine-Prozesses (100 % = ein Kern)</translation>
    </message>
    <message>
        <source>Remote viewers connected to the WebSocket server</source>
        <translation>Mit dem WebSocket-Server verbundene entfernte Betrachter</translation>
    </message>
    <message>
        <source>Round trip to the server</source>
        <translation>Umlaufzeit zum Server</translation>
    </message>
    <message>
        <source>Fresh snapshots the server sent after this viewer fell behind</source>
        <translation>Neue Snapshots, die der Server gesendet hat, nachdem dieser Betrachter zurückgefallen war</translation>
    </message>
    <message>
        <source>Scan %1</source>
        <translation>Scan %1</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>Resident memory of the engine&apos;s process</source>
        <translation>Residenter Speicher des Engine-Prozesses</translation>
    </message>
    <message>
        <source>Last: %1 (%2)</source>
        <translation>Zuletzt: %1 (%2)</translation>
    </message>
    <message>
        <source>The data source is chosen on the server</source>
        <translation>Die Datenquelle wird auf dem Server gewählt</translation>
    </message>
    <message>
        <source>The market data the engine runs on; click to choose another</source>
        <translation>Die Marktdaten, mit denen die Engine läuft; klicken, um eine andere zu wählen</translation>
    </message>
    <message>
        <source>Data source: %1</source>
        <translation>Datenquelle: %1</translation>
    </message>
    <message>
        <source>Last scan started at %1 (market time) and took %2; %3 scans so far</source>
        <translation>Letzter Scan begann um %1 (Marktzeit) und dauerte %2; bisher %3 Scans</translation>
    </message>
    <message>
        <source>Engine state</source>
        <translation>Engine-Zustand</translation>
    </message>
    <message>
        <source>Engine state: %1</source>
        <translation>Engine-Zustand: %1</translation>
    </message>
    <message>
        <source>%1 threads</source>
        <translation>%1 Threads</translation>
    </message>
    <message>
        <source>Market store %1</source>
        <translation>Marktspeicher %1</translation>
    </message>
    <message>
        <source>Remote viewers: %1 connected, %2 queued, %3 drops, %4 resyncs</source>
        <translation>Entfernte Betrachter: %1 verbunden, %2 in Warteschlange, %3 verworfen, %4 Resyncs</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Memory snapshot written to %1</source>
        <translation>Speicher-Snapshot nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Memory snapshot written on the server to %1</source>
        <translation>Speicher-Snapshot auf dem Server nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot open the folder %1: no file manager is set up.</source>
        <translation>Der Ordner %1 kann nicht geöffnet werden: kein Dateimanager eingerichtet.</translation>
    </message>
    <message>
        <source>Closing the position</source>
        <translation>Position schließen</translation>
    </message>
    <message>
        <source>Flattening the positions</source>
        <translation>Alle Positionen schließen</translation>
    </message>
    <message>
        <source>Halting trading</source>
        <translation>Handel anhalten</translation>
    </message>
    <message>
        <source>Resetting the kill switch</source>
        <translation>Notausschalter zurücksetzen</translation>
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
<context>
    <name>bw::ui::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>bw::ui::OrderTableModel</name>
    <message>
        <source>market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Created %1, last change %2</source>
        <translation>Erstellt %1, letzte Änderung %2</translation>
    </message>
    <message>
        <source>Position %1</source>
        <translation>Position %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Avg fill</source>
        <translation>Ø Ausführung</translation>
    </message>
    <message>
        <source>Fees ($)</source>
        <translation>Gebühren ($)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Market time the order was sent (UTC)</source>
        <translation>Marktzeit, zu der die Order gesendet wurde (UTC)</translation>
    </message>
    <message>
        <source>Why the order exists: the entry, or the exit rule that sent it</source>
        <translation>Warum die Order existiert: der Einstieg oder die Ausstiegsregel, die sie gesendet hat</translation>
    </message>
    <message>
        <source>The limit or stop price; market orders name none</source>
        <translation>Der Limit- oder Stopppreis; Marktorders nennen keinen</translation>
    </message>
    <message>
        <source>Fees paid on the fills so far, in USD</source>
        <translation>Bisher auf die Ausführungen gezahlte Gebühren, in USD</translation>
    </message>
    <message>
        <source>Why the order was rejected or cancelled</source>
        <translation>Warum die Order abgelehnt oder storniert wurde</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Why it was placed, in words: the signal of an entry, the level of the exit rule, or who closed the position by hand and why</source>
        <translation>Warum sie aufgegeben wurde, in Worten: das Signal eines Einstiegs, das Niveau der Ausstiegsregel oder wer die Position von Hand geschlossen hat und warum</translation>
    </message>
</context>
<context>
    <name>bw::ui::PositionTableModel</name>
    <message>
        <source>%1 (BE)</source>
        <comment>breakeven stop</comment>
        <translation>%1 (BE)</translation>
    </message>
    <message>
        <source>%1 (trail)</source>
        <comment>trailing stop</comment>
        <translation>%1 (nachgez.)</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <comment>target reached</comment>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>Position %1, %2 signal %3</source>
        <translation>Position %1, %2-Signal %3</translation>
    </message>
    <message>
        <source>%1 of %2 entered; %3 asked for</source>
        <translation>%1 von %2 eingestiegen; %3 angefordert</translation>
    </message>
    <message>
        <source>Current stop (%1); initial stop %2</source>
        <translation>Aktueller Stop (%1); anfänglicher Stop %2</translation>
    </message>
    <message>
        <source>Unrealised %1 at %2; realised so far %3, fees %4; initial risk %5</source>
        <translation>Unrealisiert %1 bei %2; bisher realisiert %3, Gebühren %4; Anfangsrisiko %5</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Avg entry</source>
        <translation>Ø Einstieg</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Markpreis</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>TP1</source>
        <translation>TP1</translation>
    </message>
    <message>
        <source>TP2</source>
        <translation>TP2</translation>
    </message>
    <message>
        <source>PnL ($)</source>
        <translation>PnL ($)</translation>
    </message>
    <message>
        <source>PnL (R)</source>
        <translation>PnL (R)</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Latest price the position was valued at</source>
        <translation>Letzter Preis, zu dem die Position bewertet wurde</translation>
    </message>
    <message>
        <source>Current stop: initial, moved to breakeven (BE) after TP1, or trailing</source>
        <translation>Aktueller Stop: anfänglich, nach TP1 auf Breakeven (BE) gezogen oder nachgezogen</translation>
    </message>
    <message>
        <source>Take-profit prices at the preset&apos;s multiples of the initial risk; ✓ once filled</source>
        <translation>Take-Profit-Preise bei den Vielfachen des Anfangsrisikos aus dem Preset; ✓ sobald ausgeführt</translation>
    </message>
    <message>
        <source>Unrealised PnL of the quantity still held, at the mark, before fees</source>
        <translation>Unrealisierter PnL der noch gehaltenen Menge zum Markpreis, vor Gebühren</translation>
    </message>
    <message>
        <source>Realised and unrealised price PnL in multiples of the initial risk frozen at entry</source>
        <translation>Realisierter und unrealisierter Preis-PnL in Vielfachen des beim Einstieg eingefrorenen Anfangsrisikos</translation>
    </message>
    <message>
        <source>Market time of the first entry fill (UTC)</source>
        <translation>Marktzeit der ersten Einstiegs-Ausführung (UTC)</translation>
    </message>
</context>
<context>
    <name>bw::ui::ResourceDashboard</name>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Memory pressure</source>
        <translation>Speicherdruck</translation>
    </message>
    <message>
        <source>Process CPU</source>
        <translation>Prozess-CPU</translation>
    </message>
    <message>
        <source>System CPU</source>
        <translation>System-CPU</translation>
    </message>
    <message>
        <source>Resident memory</source>
        <translation>Resident (RSS)</translation>
    </message>
    <message>
        <source>Heap in use / free</source>
        <translation>Heap belegt / frei</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>Offene Dateien</translation>
    </message>
    <message>
        <source>System memory</source>
        <translation>Systemspeicher</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Resident (RSS)</source>
        <translation>Resident (RSS)</translation>
    </message>
    <message>
        <source>Heap in use</source>
        <translation>Heap belegt</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Threads and open files</source>
        <translation>Threads und offene Dateien</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>Caches</translation>
    </message>
    <message>
        <source>No bounded caches are registered yet; they appear here as the services that own them start.</source>
        <translation>Noch keine begrenzten Caches registriert; sie erscheinen hier, sobald die Dienste starten, denen sie gehören.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>Process memory</source>
        <translation>Prozessspeicher</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Aufgehoben</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Level changed</source>
        <translation>Stufe geändert</translation>
    </message>
    <message>
        <source>Scanner batch size</source>
        <translation>Scanner-Batchgröße</translation>
    </message>
    <message>
        <source>Caches shrunk</source>
        <translation>Caches verkleinert</translation>
    </message>
    <message>
        <source>Caches cleared</source>
        <translation>Caches geleert</translation>
    </message>
    <message>
        <source>Caches restored</source>
        <translation>Caches wiederhergestellt</translation>
    </message>
    <message>
        <source>Heap trimmed</source>
        <translation>Heap zurückgegeben</translation>
    </message>
    <message>
        <source>History retention</source>
        <translation>Verlaufsdauer</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>%1 / %2 ms</source>
        <translation>%1 / %2 ms</translation>
    </message>
    <message>
        <source>GUI lag p50 / p99</source>
        <translation>GUI-Latenz p50 / p99</translation>
    </message>
    <message>
        <source>How late a 100 ms timer fires on this window&apos;s event loop, over the last minute</source>
        <translation>Wie verspätet ein 100-ms-Timer in der Ereignisschleife dieses Fensters auslöst, über die letzte Minute</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Scan duration</source>
        <translation>Scan-Dauer</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Remote viewers</source>
        <translation>Entfernte Betrachter</translation>
    </message>
    <message>
        <source>Drops</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Resyncs</source>
        <translation>Resyncs</translation>
    </message>
    <message>
        <source>Bytes waiting in the server&apos;s outbound queues, all clients together</source>
        <translation>Bytes, die in den ausgehenden Warteschlangen des Servers warten, alle Clients zusammen</translation>
    </message>
    <message>
        <source>Messages the server dropped because a client&apos;s queue overflowed</source>
        <translation>Nachrichten, die der Server verworfen hat, weil die Warteschlange eines Clients übergelaufen ist</translation>
    </message>
    <message>
        <source>Fresh snapshots the server sent to clients that fell behind</source>
        <translation>Neue Snapshots, die der Server an zurückgefallene Clients gesendet hat</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <source>Governor actions (%1)</source>
        <translation>Governor-Maßnahmen (%1)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>No samples received yet</source>
        <translation>Noch keine Messwerte empfangen</translation>
    </message>
    <message>
        <source>Only %1 recorded since the start</source>
        <translation>Erst %1 seit dem Start aufgezeichnet</translation>
    </message>
    <message>
        <source>Only %1 received since connecting</source>
        <translation>Erst %1 seit dem Verbinden empfangen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Scan %1 (%2) finished at %3 UTC</source>
        <translation>Scan %1 (%2) um %3 UTC beendet</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Symbols per batch × batches; the batch size follows memory pressure</source>
        <translation>Symbole pro Stapel × Stapel; die Stapelgröße folgt dem Speicherdruck</translation>
    </message>
    <message>
        <source>Not reported yet</source>
        <translation>Noch nicht gemeldet</translation>
    </message>
</context>
<context>
    <name>bw::ui::ScannerView</name>
    <message>
        <source>Filter symbols…</source>
        <translation>Symbole filtern…</translation>
    </message>
    <message>
        <source>Candidates only</source>
        <translation>Nur Kandidaten</translation>
    </message>
    <message>
        <source>All symbols</source>
        <translation>Alle Symbole</translation>
    </message>
    <message>
        <source>Show only the symbols that passed every stage</source>
        <translation>Nur die Symbole anzeigen, die alle Stufen bestanden haben</translation>
    </message>
    <message>
        <source>Show every symbol the scan saw, with the reason each rejected one failed</source>
        <translation>Jedes vom Scan erfasste Symbol anzeigen, mit dem Grund, an dem jedes abgelehnte gescheitert ist</translation>
    </message>
    <message>
        <source>Waiting for the first scan</source>
        <translation>Warte auf den ersten Scan</translation>
    </message>
    <message>
        <source>Candidates: %1 · rejected: %2 · scanned: %3</source>
        <translation>Kandidaten: %1 · abgelehnt: %2 · gescannt: %3</translation>
    </message>
    <message>
        <source>%1 more passed beyond the candidate limit</source>
        <translation>%1 weitere über dem Kandidatenlimit bestanden</translation>
    </message>
</context>
<context>
    <name>bw::ui::ScoreBreakdownModel</name>
    <message>
        <source>not weighted</source>
        <translation>nicht gewichtet</translation>
    </message>
    <message>
        <source>Raw quality: %1 (0 to 1)</source>
        <translation>Rohqualität: %1 (0 bis 1)</translation>
    </message>
    <message>
        <source>The component is 0, so it adds nothing whatever its weight</source>
        <translation>Die Komponente ist 0 und trägt daher unabhängig von ihrem Gewicht nichts bei</translation>
    </message>
    <message>
        <source>The component&apos;s value before weighting, clipped to its range</source>
        <translation>Der Wert der Komponente vor der Gewichtung, auf ihren Bereich begrenzt</translation>
    </message>
    <message>
        <source>The preset&apos;s weight for the component</source>
        <translation>Das Gewicht des Presets für die Komponente</translation>
    </message>
    <message>
        <source>Value × weight; the score is the sum of this column</source>
        <translation>Wert × Gewicht; der Score ist die Summe dieser Spalte</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
</context>
<context>
    <name>bw::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Memory &amp; alerts</source>
        <translation>Speicher &amp; Warnungen</translation>
    </message>
    <message>
        <source>Paper trading</source>
        <translation>Papierhandel</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Datenquelle</translation>
    </message>
    <message>
        <source>Remote viewers</source>
        <translation>Entfernte Betrachter</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>applies on restart</source>
        <translation>gilt nach einem Neustart</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>Applied to the running engine from the next scan on.</source>
        <translation>Gilt für die laufende Engine ab dem nächsten Scan.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>the preset&apos;s interval</source>
        <translation>Intervall des Presets</translation>
    </message>
    <message>
        <source>Market time between the starts of two scans (a simulated market at 150x speed scans 150 times as often in wall time).</source>
        <translation>Marktzeit zwischen dem Beginn zweier Scans (ein simulierter Markt mit 150-facher Geschwindigkeit scannt in Echtzeit 150-mal so oft).</translation>
    </message>
    <message>
        <source>Scan interval:</source>
        <translation>Scan-Intervall:</translation>
    </message>
    <message>
        <source>one per core (%1)</source>
        <translation>einer pro Kern (%1)</translation>
    </message>
    <message>
        <source>Scanner threads:</source>
        <translation>Scanner-Threads:</translation>
    </message>
    <message>
        <source>Batches of symbols evaluated at the same time; each takes one thread.</source>
        <translation>Gleichzeitig ausgewertete Symbol-Stapel; jeder belegt einen Thread.</translation>
    </message>
    <message>
        <source>Batches in flight:</source>
        <translation>Gleichzeitige Stapel:</translation>
    </message>
    <message>
        <source>Memory pressure is the larger of the process&apos;s memory against its budget and the system&apos;s memory use. At High the scanner takes smaller batches and caches shrink; at Critical caches are emptied and free heap goes back to the system. Applied at once.</source>
        <translation>Der Speicherdruck ist der größere Wert aus Prozessspeicher gegenüber seinem Budget und der Speichernutzung des Systems. Bei Hoch nimmt der Scanner kleinere Stapel und Caches schrumpfen; bei Kritisch werden Caches geleert und freier Heap geht an das System zurück. Gilt sofort.</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Process memory budget:</source>
        <translation>Speicherbudget des Prozesses:</translation>
    </message>
    <message>
        <source>High pressure at:</source>
        <translation>Hoher Druck ab:</translation>
    </message>
    <message>
        <source>Critical pressure at:</source>
        <translation>Kritischer Druck ab:</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>CPU (all cores):</source>
        <translation>CPU (alle Kerne):</translation>
    </message>
    <message>
        <source>System memory:</source>
        <translation>Systemspeicher:</translation>
    </message>
    <message>
        <source>Disk (data folder):</source>
        <translation>Festplatte (Datenordner):</translation>
    </message>
    <message>
        <source>The cash a new journal starts with. A journal that already exists keeps its own cash and positions. Applies on restart.</source>
        <translation>Das Guthaben, mit dem ein neues Journal beginnt. Ein bestehendes Journal behält sein Guthaben und seine Positionen. Gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Starting balance:</source>
        <translation>Startguthaben:</translation>
    </message>
    <message>
        <source>Where candles, tickers and order books come from. Applies on restart. Live data from Bybit needs network access to the exchange.</source>
        <translation>Woher Kerzen, Ticker und Orderbücher kommen. Gilt nach einem Neustart. Live-Daten von Bybit brauchen Netzwerkzugang zur Börse.</translation>
    </message>
    <message>
        <source>Simulated market</source>
        <translation>Simulierter Markt</translation>
    </message>
    <message>
        <source>Replay of recorded candles</source>
        <translation>Wiedergabe aufgezeichneter Kerzen</translation>
    </message>
    <message>
        <source>Bybit linear perpetuals (live)</source>
        <translation>Bybit Linear-Perpetuals (live)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>folder of *.csv or *.jsonl candle files</source>
        <translation>Ordner mit *.csv- oder *.jsonl-Kerzendateien</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Folder of recorded candles</source>
        <translation>Ordner mit aufgezeichneten Kerzen</translation>
    </message>
    <message>
        <source>Bybit</source>
        <translation>Bybit</translation>
    </message>
    <message>
        <source>every USDT perpetual</source>
        <translation>alle USDT-Perpetuals</translation>
    </message>
    <message>
        <source>the top by 24 h turnover:</source>
        <translation>die umsatzstärksten (24 h):</translation>
    </message>
    <message>
        <source>Symbols:</source>
        <translation>Symbole:</translation>
    </message>
    <message>
        <source>REST address:</source>
        <translation>REST-Adresse:</translation>
    </message>
    <message>
        <source>WebSocket address:</source>
        <translation>WebSocket-Adresse:</translation>
    </message>
    <message>
        <source>Remote viewers watch this workstation over a WebSocket; every viewer needs a token. Applies on restart.</source>
        <translation>Entfernte Betrachter verfolgen diese Arbeitsstation über einen WebSocket; jeder Betrachter braucht ein Token. Gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Run the server for remote viewers</source>
        <translation>Server für entfernte Betrachter ausführen</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>Lauschen auf:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Neues Geheimnis</translation>
    </message>
    <message>
        <source>Replace the selected token with a new random one</source>
        <translation>Das ausgewählte Token durch ein neues zufälliges ersetzen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>viewer %1</source>
        <translation>Betrachter %1</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <source>none: plain ws://</source>
        <translation>keins: einfaches ws://</translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation>TLS-Zertifikat:</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation>Privater TLS-Schlüssel:</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>Privater TLS-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>Generated operator token</source>
        <translation>Erzeugtes Operator-Token</translation>
    </message>
    <message>
        <source>No token was configured at start, so this run generated an operator token and wrote it to a file only you can read:</source>
        <translation>Beim Start war kein Token eingerichtet; dieser Lauf hat daher ein Operator-Token erzeugt und in eine Datei geschrieben, die nur Sie lesen können:</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no token.</source>
        <translation>%1 enthält kein Token.</translation>
    </message>
    <message>
        <source>The operator token is on the clipboard.</source>
        <translation>Das Operator-Token ist in der Zwischenablage.</translation>
    </message>
</context>
<context>
    <name>bw::ui::SignalTableModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Eingestiegen</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Take profit 1 at %1, take profit 2 at %2; initial risk %3 per unit</source>
        <translation>Take-Profit 1 bei %1, Take-Profit 2 bei %2; Anfangsrisiko %3 je Einheit</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>TP1 / TP2</source>
        <translation>TP1 / TP2</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Market time the signal fired (UTC)</source>
        <translation>Marktzeit, zu der das Signal ausgelöst wurde (UTC)</translation>
    </message>
    <message>
        <source>The price the signal expects to achieve, not the level</source>
        <translation>Der Preis, den das Signal zu erreichen erwartet, nicht das Niveau</translation>
    </message>
    <message>
        <source>Take-profit prices at the preset&apos;s multiples of the initial risk</source>
        <translation>Take-Profit-Preise bei den Vielfachen des Anfangsrisikos aus dem Preset</translation>
    </message>
    <message>
        <source>The signal engine&apos;s confidence from its weighted components</source>
        <translation>Die Konfidenz der Signal-Engine aus ihren gewichteten Komponenten</translation>
    </message>
    <message>
        <source>Entered, or rejected by the risk manager with its reason</source>
        <translation>Eingestiegen oder vom Risikomanager mit Grund abgelehnt</translation>
    </message>
    <message>
        <source>Why the risk manager refused the signal, or why it fired</source>
        <translation>Warum der Risikomanager das Signal abgelehnt hat oder warum es ausgelöst wurde</translation>
    </message>
</context>
<context>
    <name>bw::ui::SymbolDetailPanel</name>
    <message>
        <source>Score breakdown</source>
        <translation>Score-Aufschlüsselung</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Select a symbol to see its chart</source>
        <translation>Wählen Sie ein Symbol, um seinen Chart zu sehen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; #%2 &amp;nbsp; score &lt;b&gt;&lt;span style=&quot;color:%3&quot;&gt;%4&lt;/span&gt;&lt;/b&gt; &amp;nbsp; price %5 &amp;nbsp; levels: %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; #%2 &amp;nbsp; Score &lt;b&gt;&lt;span style=&quot;color:%3&quot;&gt;%4&lt;/span&gt;&lt;/b&gt; &amp;nbsp; Kurs %5 &amp;nbsp; Niveaus: %6</translation>
    </message>
    <message>
        <source>Total %1 (ATR quality %2)</source>
        <translation>Gesamt %1 (ATR-Qualität %2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; &lt;span style=&quot;color:%2&quot;&gt;rejected at %3&lt;/span&gt;: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; &lt;span style=&quot;color:%2&quot;&gt;abgelehnt bei %3&lt;/span&gt;: %4</translation>
    </message>
    <message>
        <source>Not scored: only symbols that pass every filter are.</source>
        <translation>Nicht bewertet: nur Symbole, die alle Filter bestehen, werden bewertet.</translation>
    </message>
    <message>
        <source>Select a symbol in the table to see its chart, score and filters.</source>
        <translation>Wählen Sie ein Symbol in der Tabelle, um seinen Chart, Score und seine Filter zu sehen.</translation>
    </message>
    <message>
        <source> &amp;nbsp; price %1</source>
        <translation> &amp;nbsp; Preis %1</translation>
    </message>
    <message>
        <source> &amp;nbsp; levels: %1</source>
        <translation> &amp;nbsp; Niveaus: %1</translation>
    </message>
</context>
<context>
    <name>bw::ui::TradingConfirmation</name>
    <message>
        <source>Optional: recorded on the orders and in the journal</source>
        <translation>Optional: wird an den Orders und im Journal vermerkt</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>bw::ui::TradingText</name>
    <message>
        <source>Long</source>
        <translation>Long</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Retest</source>
        <translation>Retest</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Stop market</source>
        <translation>Stop-Market</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation>Teilweise ausgeführt</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <source>Stop loss</source>
        <translation>Stop-Loss</translation>
    </message>
    <message>
        <source>Breakeven stop</source>
        <translation>Breakeven-Stop</translation>
    </message>
    <message>
        <source>Trailing stop</source>
        <translation>Trailing-Stop</translation>
    </message>
    <message>
        <source>Take profit 1</source>
        <translation>Take-Profit 1</translation>
    </message>
    <message>
        <source>Take profit 2</source>
        <translation>Take-Profit 2</translation>
    </message>
    <message>
        <source>Max hold time</source>
        <translation>Max. Haltedauer</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Notausschalter</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>anfänglich</translation>
    </message>
    <message>
        <source>breakeven</source>
        <translation>Breakeven</translation>
    </message>
    <message>
        <source>trailing</source>
        <translation>nachgezogen</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Maker</translation>
    </message>
    <message>
        <source>Taker</source>
        <translation>Taker</translation>
    </message>
    <message>
        <source>Invalid signal</source>
        <translation>Ungültiges Signal</translation>
    </message>
    <message>
        <source>Signal expired</source>
        <translation>Signal abgelaufen</translation>
    </message>
    <message>
        <source>Daily loss limit</source>
        <translation>Tagesverlustlimit</translation>
    </message>
    <message>
        <source>Cooldown after losses</source>
        <translation>Pause nach Verlusten</translation>
    </message>
    <message>
        <source>Max positions</source>
        <translation>Max. Positionen</translation>
    </message>
    <message>
        <source>Already in symbol</source>
        <translation>Symbol bereits gehandelt</translation>
    </message>
    <message>
        <source>Correlation limit</source>
        <translation>Korrelationslimit</translation>
    </message>
    <message>
        <source>Invalid equity</source>
        <translation>Ungültiges Kapital</translation>
    </message>
    <message>
        <source>Invalid stop</source>
        <translation>Ungültiger Stop</translation>
    </message>
    <message>
        <source>No book depth</source>
        <translation>Keine Buchtiefe</translation>
    </message>
    <message>
        <source>Size rounds to zero</source>
        <translation>Größe rundet auf null</translation>
    </message>
    <message>
        <source>Below min notional</source>
        <translation>Unter Mindestnominal</translation>
    </message>
    <message>
        <source>Engine takes no entries</source>
        <translation>Engine nimmt keine Einstiege</translation>
    </message>
    <message>
        <source>Entry refused</source>
        <translation>Einstieg verweigert</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m</source>
        <comment>minutes</comment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <comment>hours and minutes</comment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <comment>days and hours</comment>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 R</source>
        <translation>%1 R</translation>
    </message>
</context>
<context>
    <name>bw::ui::TradingView</name>
    <message>
        <source>Open positions</source>
        <translation>Offene Positionen</translation>
    </message>
    <message>
        <source>No open positions. Entries appear here as the engine takes signals.</source>
        <translation>Keine offenen Positionen. Einstiege erscheinen hier, sobald die Engine Signale nimmt.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Equity ($)</source>
        <translation>Kapital ($)</translation>
    </message>
    <message>
        <source>Cash plus the unrealised PnL of the open positions</source>
        <translation>Kasse plus unrealisierter PnL der offenen Positionen</translation>
    </message>
    <message>
        <source>Cash ($)</source>
        <translation>Kasse ($)</translation>
    </message>
    <message>
        <source>Moves only by realised PnL and fees</source>
        <translation>Ändert sich nur durch realisierten PnL und Gebühren</translation>
    </message>
    <message>
        <source>Unrealised PnL ($)</source>
        <translation>Unrealisierter PnL ($)</translation>
    </message>
    <message>
        <source>Open positions at their latest marks</source>
        <translation>Offene Positionen zu ihren letzten Markpreisen</translation>
    </message>
    <message>
        <source>Positions holding quantity; entries still waiting for a fill are counted apart</source>
        <translation>Positionen mit Bestand; Einstiege, die noch auf eine Ausführung warten, werden getrennt gezählt</translation>
    </message>
    <message>
        <source>Realised today ($)</source>
        <translation>Heute realisiert ($)</translation>
    </message>
    <message>
        <source>Realised PnL minus fees of the fills seen since 00:00 UTC of the market day</source>
        <translation>Realisierter PnL minus Gebühren der seit 00:00 UTC des Markttags gesehenen Ausführungen</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Notausschalter</translation>
    </message>
    <message>
        <source>%1 (+%2 pending)</source>
        <translation>%1 (+%2 ausstehend)</translation>
    </message>
    <message>
        <source>Open positions (%1)</source>
        <translation>Offene Positionen (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Closed positions</source>
        <translation>Geschlossene Positionen</translation>
    </message>
    <message>
        <source>● Tripped</source>
        <translation>● Ausgelöst</translation>
    </message>
    <message>
        <source>● Halted</source>
        <translation>● Angehalten</translation>
    </message>
    <message>
        <source>● Armed</source>
        <translation>● Scharf</translation>
    </message>
    <message>
        <source>Close position…</source>
        <translation>Position schließen…</translation>
    </message>
    <message>
        <source>Close the selected position at market (asks first)</source>
        <translation>Die ausgewählte Position zum Marktpreis schließen (fragt vorher)</translation>
    </message>
    <message>
        <source>Flatten all…</source>
        <translation>Alle schließen…</translation>
    </message>
    <message>
        <source>Close every open position at market; entries continue (asks first)</source>
        <translation>Jede offene Position zum Marktpreis schließen; Einstiege gehen weiter (fragt vorher)</translation>
    </message>
    <message>
        <source>Halt trading…</source>
        <translation>Handel anhalten…</translation>
    </message>
    <message>
        <source>Trips on the drawdown limit, or by hand (“Halt trading”), and stops new entries until it is reset</source>
        <translation>Löst bei der Drawdown-Grenze oder von Hand („Handel anhalten“) aus und stoppt neue Einstiege, bis er zurückgesetzt wird</translation>
    </message>
    <message>
        <source> (needs a session with operator rights)</source>
        <translation> (erfordert eine Sitzung mit Bedienerrechten)</translation>
    </message>
    <message>
        <source>Reset kill switch…</source>
        <translation>Notausschalter zurücksetzen…</translation>
    </message>
    <message>
        <source>Clear the kill switch and resume entries (asks first)</source>
        <translation>Den Notausschalter löschen und Einstiege wieder aufnehmen (fragt vorher)</translation>
    </message>
    <message>
        <source>Trip the kill switch by hand: no new entries, every position closed (asks first)</source>
        <translation>Den Notausschalter von Hand auslösen: keine neuen Einstiege, jede Position wird geschlossen (fragt vorher)</translation>
    </message>
    <message>
        <source>Close position #%1: %2 %3?</source>
        <translation>Position #%1 schließen: %2 %3?</translation>
    </message>
    <message>
        <source>Its entry order for %1 has not filled yet: it is cancelled.</source>
        <translation>Ihre Einstiegsorder über %1 ist noch nicht ausgeführt: sie wird storniert.</translation>
    </message>
    <message>
        <source>Side: %1</source>
        <translation>Seite: %1</translation>
    </message>
    <message>
        <source>Quantity: %1</source>
        <translation>Menge: %1</translation>
    </message>
    <message>
        <source>Average entry: %1</source>
        <translation>Durchschnittlicher Einstieg: %1</translation>
    </message>
    <message>
        <source>Current mark: %1</source>
        <translation>Aktueller Markpreis: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Estimated PnL: %1 $ at the mark, before the exit fee</source>
        <translation>Geschätzter GuV: %1 $ zum Markpreis, vor der Ausstiegsgebühr</translation>
    </message>
    <message>
        <source>A reduce-only market order closes the whole position; it fills at the market, which may differ from the mark.</source>
        <translation>Eine Reduce-only-Marktorder schließt die ganze Position; sie wird zum Marktpreis ausgeführt, der vom Markpreis abweichen kann.</translation>
    </message>
    <message>
        <source>Close position</source>
        <translation>Position schließen</translation>
    </message>
    <message>
        <source>%1 %2: entry not filled yet, cancelled</source>
        <translation>%1 %2: Einstieg noch nicht ausgeführt, storniert</translation>
    </message>
    <message>
        <source>%1 %2 %3 at %4: %5 $</source>
        <translation>%1 %2 %3 bei %4: %5 $</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated PnL in total: %1 $ at the marks, before exit fees</source>
        <translation>Geschätzter GuV insgesamt: %1 $ zu den Markpreisen, vor Ausstiegsgebühren</translation>
    </message>
    <message>
        <source>Each is closed by a reduce-only market order. New entries continue: to stop them as well, halt trading.</source>
        <translation>Jede wird durch eine Reduce-only-Marktorder geschlossen. Neue Einstiege gehen weiter: um auch sie zu stoppen, den Handel anhalten.</translation>
    </message>
    <message>
        <source>Flatten all</source>
        <translation>Alle schließen</translation>
    </message>
    <message numerus="yes">
        <source>Close all %n position(s) at market?</source>
        <translation>
            <numerusform>Die %n Position zum Marktpreis schließen?</numerusform>
            <numerusform>Alle %n Positionen zum Marktpreis schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source>New entries resume; the drawdown limit is measured again from the current equity.</source>
        <translation>Neue Einstiege werden wieder aufgenommen; die Drawdown-Grenze wird ab dem aktuellen Eigenkapital neu gemessen.</translation>
    </message>
    <message>
        <source>Halted because: %1</source>
        <translation>Angehalten, weil: %1</translation>
    </message>
    <message>
        <source>Reset kill switch</source>
        <translation>Notausschalter zurücksetzen</translation>
    </message>
    <message>
        <source>Reset the kill switch and resume trading?</source>
        <translation>Den Notausschalter zurücksetzen und den Handel fortsetzen?</translation>
    </message>
    <message>
        <source>The engine takes no new entries and closes every open position at market.</source>
        <translation>Die Engine nimmt keine neuen Einstiege an und schließt jede offene Position zum Marktpreis.</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) closed now; estimated PnL %1 $ at the marks, before exit fees.</source>
        <translation>
            <numerusform>%n Position wird jetzt geschlossen; geschätzter GuV %1 $ zu den Markpreisen, vor Ausstiegsgebühren.</numerusform>
            <numerusform>%n Positionen werden jetzt geschlossen; geschätzter GuV %1 $ zu den Markpreisen, vor Ausstiegsgebühren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Trading stays halted until “Reset kill switch”.</source>
        <translation>Der Handel bleibt angehalten bis „Notausschalter zurücksetzen“.</translation>
    </message>
    <message>
        <source>Halt trading</source>
        <translation>Handel anhalten</translation>
    </message>
    <message>
        <source>Halt trading now?</source>
        <translation>Handel jetzt anhalten?</translation>
    </message>
</context>
</TS>
