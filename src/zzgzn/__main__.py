from zzgzn.cli import main

main()
