# La puerta del PIN (responsable, formador, el perfil propio de un aprendiz), el
# restablecimiento del PIN del responsable y el código de recuperación, mostrado una vez.

pin-manager-choose-title = Establecer el PIN del responsable
pin-manager-choose-explain = Todavía no se ha establecido el PIN del responsable en este equipo. Elige uno (de 4 a 12 dígitos); abre las vistas del responsable y el área del formador.
pin-manager-title = Área del responsable
pin-manager-explain = Los registros de los aprendices son privados. Introduce el PIN del responsable para verlos.
pin-trainer-title = Área del formador
pin-trainer-explain = Escribe, revisa y prueba escenarios. Introduce el PIN del formador o el del responsable.
pin-recover-title = Restablecer el PIN del responsable
pin-recover-explain = Escribe el código de recuperación que se mostró cuando se estableció el PIN por primera vez y elige un PIN nuevo.
pin-trainee-choose-title = Elige un PIN, { $name }
pin-trainee-choose-explain = Tu responsable pide a cada aprendiz que proteja su perfil con un PIN (de 4 a 12 dígitos).
pin-trainee-title = Hola de nuevo, { $name }
pin-trainee-explain = Este perfil tiene un PIN. Introdúcelo para continuar.

pin-pin = PIN:
pin-new = PIN nuevo:
pin-again = Repite el PIN:
pin-recovery-code = Código de recuperación:
pin-unlock = Desbloquear
pin-set = Establecer PIN
pin-reset = Restablecer PIN
pin-cancel = Cancelar
pin-forgot = ¿Olvidaste el PIN?
pin-forgot-hover = Restablécelo con el código de recuperación

pin-code-title = Tu código de recuperación
pin-code-explain = Si alguna vez se olvida el PIN del responsable, este código lo restablece. Solo se muestra esta vez y no se podrá volver a ver: anótalo y guárdalo en un lugar seguro.
pin-code-kept = Ya lo he anotado
