@echo off
rem Redoubt's command line on Windows: runs redoubt.jar with the JVM options that suit the command, as bin/redoubt
rem does (docs/performance.md, "Start-up"). Unlike bin/redoubt it makes no class-data-sharing archive.
rem   redoubt                      the window
rem   redoubt COMMAND [OPTIONS]    a command
rem Environment: JAVA_HOME (else java on the PATH), REDOUBT_JAVA_OPTS (added last), REDOUBT_JAR (the jar to run).
setlocal
set "JAR=%REDOUBT_JAR%"
if "%JAR%"=="" if exist "%~dp0..\lib\redoubt.jar" set "JAR=%~dp0..\lib\redoubt.jar"
if "%JAR%"=="" if exist "%~dp0..\redoubt.jar" set "JAR=%~dp0..\redoubt.jar"
if "%JAR%"=="" (
  echo redoubt: cannot find redoubt.jar beside %~dp0; set REDOUBT_JAR 1>&2
  exit /b 2
)
set "JAVA=java"
if not "%JAVA_HOME%"=="" set "JAVA=%JAVA_HOME%\bin\java"

rem The command: the first argument that does not start with "-".
set "CMD="
for %%A in (%*) do call :first "%%~A"
goto :options
:first
if defined CMD goto :eof
set "ARG=%~1"
if "%ARG:~0,1%"=="-" goto :eof
set "CMD=%ARG%"
goto :eof

:options
rem C2 for the hottest methods only: the window, audit and estate (bin/redoubt's hot_c2).
set "HOT=-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
set "OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if "%~1"=="" set "OPTS=-XX:MaxGCPauseMillis=50 %HOT%"
if /i "%CMD%"=="console" set "OPTS=-XX:MaxGCPauseMillis=50 %HOT%"
if /i "%CMD%"=="audit" set "OPTS=-XX:+UseSerialGC %HOT%"
if /i "%CMD%"=="estate" set "OPTS=-XX:+UseSerialGC %HOT%"
if /i "%CMD%"=="sandbox" set "OPTS="
"%JAVA%" %OPTS% %REDOUBT_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
