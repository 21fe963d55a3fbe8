from werkpad.cli import main

main()
