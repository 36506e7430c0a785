# El área del responsable: la lista de aprendices y el historial de cada uno, el grupo,
# las exportaciones, la copia de seguridad y la restauración, el registro de auditoría,
# los criterios, los PIN y el LRS.

## La barra de pestañas

manager-heading = Responsable
manager-lock = Bloquear
manager-lock-hover = Salir del área del responsable; para volver hace falta el PIN
manager-tab-trainees = Aprendices
manager-tab-cohort = Grupo
manager-tab-export = Exportar
manager-tab-backup = Copia de seguridad
manager-tab-audit = Registro de auditoría
manager-tab-standards = Criterios
manager-tab-settings = Ajustes
manager-tab-lrs = LRS
manager-cancel = Cancelar
# Una fecha que nunca llegó: «última actividad: nunca».
manager-never = nunca

## Encabezados de columna, comunes a las tablas

manager-col-trainee = Aprendiz
manager-col-trainees = Aprendices
manager-col-attempts = Intentos
manager-col-practice = Práctica
manager-col-practice-hover = Intentos de práctica: se guardan y se marcan, pero no cuentan
manager-col-listen = Escucha
manager-col-own = Respons.
manager-col-exceed = Superar
manager-col-latest = Última
manager-col-average = Media
manager-col-overall = Global
manager-col-passed = Aprob.
manager-col-passed-hover = Escenarios cuya última evaluación está aprobada
manager-col-readiness = Preparación
manager-col-readiness-hover = Listo para atender: todos los escenarios obligatorios aprobados en una evaluación (consulta Criterios)
manager-col-last-active = Última actividad
manager-col-date = Fecha
manager-col-scenario = Escenario
manager-col-kind = Tipo
manager-col-outcome = Resultado
manager-col-version = Versión
manager-col-outcomes = Perdido / recuperado / defensor
manager-col-trainees-wrong = Aprendices que fallan
manager-col-customer-said = Después de que el cliente dijera
manager-col-mean-score = Puntuación media

## La lista de aprendices

manager-readiness-ready = Listo
manager-readiness-not-yet = Aún no: { $passed } de { $total }
manager-readiness-none = ninguno obligatorio
# $scenarios: los títulos de los escenarios que faltan, separados por comas.
manager-readiness-still-to-pass = Falta aprobar: { $scenarios }
manager-sort-hover = Ordenar por esta columna; vuelve a hacer clic para invertir el orden
manager-no-trainees = Aún no hay aprendices. Los perfiles aparecen aquí cuando los aprendices los crean en la pantalla de inicio.
manager-filter = Filtrar por nombre:
manager-filter-hint = escribe parte de un nombre
manager-list-count = { $trainees ->
        [one] { $trainees } aprendiz
       *[other] { $trainees } aprendices
    }, { $attempts ->
        [one] { $attempts } intento
       *[other] { $attempts } intentos
    }
manager-list-explained = Última: el intento de evaluación más reciente. Media: sobre todos los intentos de evaluación. Los intentos de práctica se cuentan, pero no puntúan.
manager-no-match = Ningún nombre de aprendiz contiene «{ $filter }».
manager-open-trainee-hover = Abrir el historial de este aprendiz

## El historial de un aprendiz

manager-back-to-trainees = Volver a todos los aprendices
# $last: una fecha, o manager-never.
manager-trainee-summary = { $attempts ->
        [one] { $attempts } intento de evaluación
       *[other] { $attempts } intentos de evaluación
    }, { $practice } de práctica; última actividad: { $last }
manager-clear-pin = Borrar su PIN
manager-clear-pin-hover = Para un aprendiz que lo ha olvidado: podrá elegir uno nuevo
manager-delete = Eliminar a este aprendiz...
manager-delete-hover = Eliminar su perfil y todos sus intentos, para siempre
manager-delete-confirm = ¿Eliminar para siempre a { $name } y { $attempts ->
        [one] su único intento
       *[other] sus { $attempts } intentos
    }? No se puede deshacer.
manager-delete-for-good = Eliminar para siempre
manager-delete-keep = Conservar
# Quien habla en una transcripción cuyo escenario ya no está en la biblioteca.
manager-customer = Cliente
manager-back-to-history = Volver al historial
# $passed es "yes" o "no"; $outcome es el nombre del resultado en minúsculas.
manager-attempt-summary = { $title }, { $day }: global { $overall } ({ $passed ->
        [yes] aprobado
       *[no] no aprobado
    }), { $outcome }
manager-no-attempts = Aún no hay intentos.
manager-attempts-heading = Intentos, del más reciente al más antiguo
manager-transcript = Transcripción
manager-kind-assessment = evaluación
manager-kind-practice = práctica
# $version: los primeros caracteres del hash de versión del escenario.
manager-version-edited = { $version } (editado)
manager-version-edited-hover = El escenario ha cambiado desde el intento anterior de este aprendiz: compara con cuidado las puntuaciones de antes y después del cambio
manager-chart-heading = Cada dimensión a lo largo de sus intentos de evaluación:
manager-chart-edited = Líneas de puntos: el escenario del intento siguiente se editó después de la última vez que este aprendiz lo jugó.
manager-chart-practice-only = Por ahora solo hay intentos de práctica; el gráfico muestra las evaluaciones.
manager-chart-x = intento de evaluación
manager-chart-y = puntuación
manager-chart-scenario-edited = escenario editado

## El grupo

manager-cohort-empty = Aún no hay intentos de evaluación. La vista del grupo se va completando a medida que juegan los aprendices.
manager-cohort-heading = Por escenario: puntuaciones medias y cómo acabaron los clientes
manager-hard-heading = Los turnos en los que más fallan los aprendices
manager-hard-explained = Un aprendiz falla un turno cuando sus respuestas en él tienen una media inferior a { $below } sobre 100.
manager-hard-none = Por ahora nadie falla ningún turno.
manager-hard-share = { $wrong } de { $reached } ({ $percent } %)
manager-hard-share-hover = { $reached ->
        [one] El único aprendiz que llegó a este turno ({ $wrong } de { $reached }) tiene ahí una media inferior a { $below }
       *[other] { $wrong } de los { $reached } aprendices que llegaron a este turno tienen ahí una media inferior a { $below }
    }
# Un turno cuya frase del cliente no se encuentra: $node es su id.
manager-hard-turn = turno `{ $node }`
# Lo que dijo el cliente, entre comillas.
manager-quoted = «{ $said }»
manager-outcomes-hover = perdidos: { $lost }, recuperados: { $recovered }, defensores: { $advocate }

## Exportar, copia de seguridad y restauración

manager-export-explained = Exporta los intentos de todos los aprendices en CSV, para una hoja de cálculo. Los archivos usan los ids y los nombres de los aprendices; las columnas se describen en docs/reports.md.
manager-export-folder = Guardar en la carpeta:
manager-export-attempts = Exportar intentos
manager-export-attempts-hover = Una fila por intento
manager-export-turns = Exportar turnos
manager-export-turns-hover = Una fila por respuesta, con sus niveles y pruebas
manager-backup-heading = Hacer una copia de seguridad
manager-backup-explained = Un solo archivo con el perfil y los intentos de cada aprendiz, los hashes de los PIN, los escenarios del formador y el registro de auditoría, con una suma de comprobación para cada archivo. Contiene los registros de los aprendices: guárdalo donde solo puedan leerlo los responsables.
manager-backup-file = Guardar la copia en el archivo:
manager-backup-now = Hacer la copia ahora
manager-restore-heading = Restaurar
manager-restore-explained = Todas las sumas de comprobación se verifican antes de cambiar nada. Los datos que hay ahora se apartan a su lado; nunca se borran.
manager-restore-file = Restaurar desde el archivo:
manager-restore = Restaurar...
manager-restore-confirm = ¿Sustituir los datos de aquí por la copia de seguridad? Los datos actuales se guardan aparte.
manager-restore-now = Restaurar ahora
manager-restore-cancel = Cancelar la restauración
# Un trabajo recién empezado: $what es lo que hace.
manager-job-starting = { $what }...
# $unit es lo que cuentan $done y $total.
manager-job-progress = { $what }: { $done } de { $total } { $unit }

## El registro de auditoría

manager-audit-explained = Lo que hicieron los responsables y cada PIN rechazado, del más reciente al más antiguo. Las entradas solo se añaden; nunca se cambian.
manager-audit-empty = Aún no hay nada registrado.

## Los criterios

manager-standards-marks-heading = Nota de aprobado y mínimo por dimensión
manager-standards-marks-explained = Para aprobar, la puntuación global debe alcanzar la nota de aprobado y cada dimensión, el mínimo por dimensión. Estos valores por defecto se aplican a los escenarios que no fijan los suyos.
manager-standards-pass-mark = Nota de aprobado por defecto (0-100):
manager-standards-floor = Mínimo por dimensión por defecto (0-100):
manager-standards-readiness-heading = Preparación para atender
manager-standards-readiness-explained = Un aprendiz está listo cuando ha aprobado en una evaluación todos los escenarios obligatorios, según los criterios vigentes. La práctica nunca cuenta.
manager-standards-every = Todos los escenarios de la biblioteca son obligatorios
manager-standards-only-ticked = Solo los escenarios marcados abajo
manager-standards-own-both = { $title } (fija los suyos: nota de aprobado { $pass }, mínimo por dimensión { $floor })
manager-standards-own-pass = { $title } (fija su propia nota de aprobado: { $pass })
manager-standards-own-floor = { $title } (fija su propio mínimo por dimensión: { $floor })
manager-standards-save = Guardar los criterios
manager-standards-undo = Deshacer los cambios

## PIN

manager-pins-heading = PIN
manager-pins-explained = Los PIN tienen de 4 a 12 dígitos y solo se guardan como hashes con sal. El PIN del responsable también abre el área del formador.
manager-pins-for = Establecer el PIN de:
manager-pins-role-manager = Responsable
manager-pins-role-trainer = Formador
manager-pins-role-trainer-unset = Formador (aún sin PIN)
manager-pins-current = PIN actual del responsable:
manager-pins-new = PIN nuevo:
manager-pins-again = Repite el PIN:
manager-pins-save = Guardar PIN
manager-pins-differ = Los dos PIN no coinciden; no se ha cambiado nada.
manager-trainee-pins-heading = PIN de los aprendices
manager-trainee-pins-required = Todos los aprendices deben proteger su perfil con un PIN
manager-trainee-pins-required-hover = Quien aún no tenga uno lo elegirá la próxima vez que entre

## El LRS

manager-lrs-heading = Almacén de registros de aprendizaje (LRS)
manager-lrs-explained = Con un LRS configurado, cada intento de evaluación se envía también como declaraciones xAPI. Primero se escriben en una bandeja de salida en este ordenador y se envían en segundo plano, así que, si el LRS no funciona, no se pierde nada: se envían cuando vuelve.
manager-lrs-sync = Sincronización
manager-lrs-none = No hay ningún LRS configurado: los intentos se quedan solo en este ordenador.
manager-lrs-sending-to = Se envía a { $url } como { $username }.
manager-lrs-outbox = En la bandeja de salida: { $statements ->
        [one] { $statements } declaración
       *[other] { $statements } declaraciones
    } de { $pending ->
        [one] { $pending } intento
       *[other] { $pending } intentos
    }. Enviados: { $sent ->
        [one] { $sent } intento
       *[other] { $sent } intentos
    }.
manager-lrs-rejected = Apartados: { $rejected ->
        [one] { $rejected } intento que el propio LRS rechazó, guardado
       *[other] { $rejected } intentos que el propio LRS rechazó, guardados
    } con el motivo en la carpeta lrs/rejected del directorio de datos.
# $when: una fecha y hora, o manager-never.
manager-lrs-last-success = Último envío correcto: { $when }
manager-lrs-last-error = El último envío falló ({ $at }): { $why }
manager-lrs-sending = Enviando...
manager-lrs-next-try = Próximo envío en { $seconds } s.
manager-lrs-send-now = Enviar ahora
manager-lrs-settings = Ajustes
manager-lrs-endpoint = Endpoint:
manager-lrs-username = Usuario:
manager-lrs-username-hint = la clave o el usuario del LRS
manager-lrs-home-page = Página de inicio:
manager-lrs-password = Contraseña:
manager-lrs-password-unchanged = no cambia si no escribes otra
manager-lrs-password-hint = la contraseña del LRS
manager-lrs-send-practice = Enviar también los intentos de práctica (las evaluaciones se envían siempre)
manager-lrs-password-kept = La contraseña se guarda en un archivo que solo puede leer la cuenta de este ordenador y no se vuelve a mostrar nunca.
manager-lrs-save = Guardar los ajustes del LRS

## Al abrir el área

manager-loading-heading = Área del responsable
manager-loading = Leyendo los registros de los aprendices…
manager-loading-progress = Leyendo los registros de los aprendices: { $done } de { $total }
manager-loading-cancel-hover = Dejar de leer y volver al inicio
manager-unit-trainees = aprendices
manager-unit-files = archivos
