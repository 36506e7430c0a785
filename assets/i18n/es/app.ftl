# El marco de la ventana: la barra superior, el menú de ajustes y los avisos.

app-settings = Preferencias
app-theme = Tema
theme-dark = Oscuro
theme-light = Claro
theme-high-contrast = Alto contraste
app-text-size = Tamaño del texto
app-text-smaller = Más pequeño
app-text-smaller-keys = Ctrl + menos
app-text-larger = Más grande
app-text-larger-keys = Ctrl + más
app-text-reset = Restablecer
app-language = Idioma
app-volume = Volumen
app-mute = Silenciar

app-read-profiles-failed = No se pudieron leer los perfiles de aprendices: { $error }
app-lrs-sent = Enviadas { $statements ->
    [one] 1 declaración
   *[other] { $statements } declaraciones
} de { $attempts ->
    [one] 1 intento
   *[other] { $attempts } intentos
}.
app-lrs-send-stopped = El envío se detuvo de forma inesperada.
app-unfinished-read-failed = No se pudo leer tu intento sin terminar: { $error }
app-unfinished-save-failed = No se pudo guardar por dónde ibas en este intento: { $error }
app-unfinished-clear-failed = No se pudo borrar tu intento sin terminar: { $error }
app-attempts-read-failed = No se pudieron leer tus intentos: { $error }
app-profile-create-failed = No se pudo crear el perfil: { $error }
app-manager-pin-saved = El PIN del responsable se ha guardado.
app-trainer-pin-saved = El PIN del formador se ha guardado.
app-not-saved = No se guardó: { $error }.
app-pins-differ = Los dos PIN no coinciden. Escribe el mismo PIN dos veces.
app-pin-clear-failed = No se pudo borrar el PIN: { $error }
app-standards-saved = Guardado. La preparación sigue ahora estos criterios.
app-not-saved-bare = No se guardó: { $error }
app-no-pin-yet = Aún no hay ningún PIN. Primero un responsable fija el PIN del responsable (en el «Área del responsable»); también abre el área del formador, y después se puede fijar un PIN del formador en la pestaña «Ajustes» del responsable.
app-playtest-failed = No se puede probar: { $error }
app-nobody-signed-in = No hay nadie con la sesión iniciada.
app-current-pin-wrong = No se guardó: el PIN actual. { $why }
app-own-pin-saved = Tu PIN se ha guardado. Se te pedirá al entrar.
app-profile-has-pin = Este perfil ya tiene un PIN. Escríbelo para continuar.
app-records-read-failed = No se pudieron leer los registros de los aprendices: { $error }
app-lrs-password-needed = Escribe la contraseña del LRS para guardar los ajustes.
app-lrs-saved = Guardado. Los intentos se envían a { $url }.
app-library-reloaded = Biblioteca leída de nuevo (recarga { $reload }): { $playable } jugables, { $errors } con errores.
app-playtest-stopped = La prueba no pudo continuar: { $error }
app-write-failed = No se pudo escribir { $path }: { $error }
app-attempt-read-failed = No se pudo leer ese intento: { $error }
app-attempt-unreadable = No se pudo leer ese intento; mira los avisos sobre archivos apartados.
app-delete-failed = No se pudo eliminar al aprendiz: { $error }
app-scenario-gone = El escenario `{ $id }` ya no está en la biblioteca.
app-start-failed = No se puede empezar `{ $id }`: { $error }
app-attempt-save-failed = No se pudo guardar tu intento: { $error }
app-trainee = Aprendiz: { $name }
app-switch-trainee = Cambiar de aprendiz
app-library = Biblioteca
app-practice-pad = Bloc de práctica
app-practice-pad-hover = Escribe una respuesta a cualquier frase de un cliente y mira su puntuación mientras escribes
app-my-progress = Mi progreso
app-dismiss = Cerrar
app-resume-failed = Ese intento no se pudo reanudar ({ $error }); se descartó.
app-setting-save-failed = No se pudo guardar el ajuste: { $error }
app-scenario-written = Se escribió { $path }. Ábrelo en tu editor, cámbialo y guárdalo: aquí se recarga.
app-scenario-copied = Copiado en { $path }: tu copia sustituye ahora al escenario incorporado.
app-opened-in-editor = Se abrió { $path } en tu editor.
app-open-failed = No se pudo iniciar `{ $opener }` para abrir { $path }: { $error }. Abre el archivo en cualquier editor; los cambios guardados se recogen aquí.
app-exporting-attempts = Exportando intentos
app-exporting-turns = Exportando turnos
app-export-failed = La exportación falló: { $error }
app-export-cancelled = La exportación se canceló; no se escribió ningún archivo.
app-exported = Se exportaron { $rows } filas a { $path }
app-backing-up = Haciendo copia de seguridad
app-backup-failed = La copia de seguridad falló: { $error }
app-backed-up = Copia de seguridad de { $files } archivos en { $path }
app-restoring = Comprobando y restaurando
app-restore-failed = No se restauró nada: { $error }
app-restored-kept = Se restauraron { $files } archivos desde { $path }. Los datos que había se guardan en { $aside }
app-restored = Se restauraron { $files } archivos desde { $path }
app-trainee-deleted = { $attempts ->
    [one] Se eliminaron el aprendiz y su único intento.
   *[other] Se eliminaron el aprendiz y sus { $attempts } intentos.
}
app-lrs-queue-failed = El intento se guardó, pero no quedó en cola para el LRS: { $error }
app-file-set-aside = Se apartó un archivo dañado: { $original } se movió a { $moved } ({ $reason })
app-file-skipped = Un archivo se dejó intacto y no se cargó: { $path } ({ $reason })
app-resume-translation-gone = «{ $title }» se empezó en una traducción que ya no existe, así que ese intento no se puede reanudar; se descartó.
app-read-thread-stopped = la lectura se detuvo de forma inesperada
app-resume-changed = «{ $title }» ha cambiado desde que empezaste, así que ese intento no se puede reanudar; se descartó.
app-trainee-pin-cleared = Se borró el PIN de { $name }; puede poner uno nuevo desde Mi progreso.
app-read-cannot-start = no se puede empezar a leer: { $error }
app-count-stopped = el recuento se detuvo de forma inesperada
app-playtest-replayed = La prueba se repitió sobre la nueva versión.
app-playtest-kept-node = La ruta cambió; la prueba sigue desde `{ $node }`, con el ánimo y la lealtad como al principio.
app-playtest-restarted = El nodo de la prueba ya no existe; empezó de nuevo desde `{ $node }`.
app-playtest-stopped-now = La prueba se detuvo: { $error }.
app-playtest-scenario-errors = El escenario de la prueba tiene errores ahora; la prueba seguirá cuando se corrijan.
app-job-finished = { $message } en { $seconds } s
app-job-stopped = { $what }: se detuvo de forma inesperada.
